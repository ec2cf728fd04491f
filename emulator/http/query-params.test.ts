import { describe, expect, it } from 'vitest';
import { QueryParams } from './query-params.js';

describe('QueryParams', () => {
  it('reads csv lists with raw or encoded commas', () => {
    expect(QueryParams.fromSearch('include=attachments,writerInfo').list('include')).toEqual([
      'attachments',
      'writerInfo',
    ]);
    expect(QueryParams.fromSearch('include=attachments%2CwriterInfo').list('include')).toEqual([
      'attachments',
      'writerInfo',
    ]);
  });

  it('treats parameter names as case-sensitive', () => {
    expect(QueryParams.fromSearch('Include=attachments').list('include')).toEqual([]);
  });

  it('parses booleans and rejects other words with 1018', () => {
    const query = QueryParams.fromSearch('a=true&b=false&c=yes');
    expect(query.bool('a', false)).toBe(true);
    expect(query.bool('b', true)).toBe(false);
    expect(query.bool('missing', true)).toBe(true);
    expect(() => query.bool('c', false)).toThrow(expect.objectContaining({ errorCode: 1018 }));
  });

  it('parses id lists and rejects non-numbers', () => {
    expect(QueryParams.fromSearch('ids=1,22,333').ids('ids')).toEqual([1, 22, 333]);
    expect(() => QueryParams.fromSearch('ids=1,x').ids('ids')).toThrow(
      expect.objectContaining({ errorCode: 1018 }),
    );
  });
});
