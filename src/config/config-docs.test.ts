import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseDotenv } from 'dotenv';
import { CONFIG_KEYS } from './config-keys.js';
import { renderConfigTable, renderEnvExample, withConfigTable } from './config-docs.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

describe('configuration documentation', () => {
  it('.env.example lists exactly the schema keys, each with a comment', () => {
    const text = readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    const uncommented = text.replace(/^# (?=[A-Z_]+=)/gm, '');
    const keys = Object.keys(parseDotenv(uncommented));
    expect(keys.sort()).toEqual(CONFIG_KEYS.map((k) => k.env).sort());
    const lines = text.split('\n');
    for (const key of CONFIG_KEYS) {
      const at = lines.findIndex((l) => l.replace(/^# /, '').startsWith(`${key.env}=`));
      expect(lines[at - 1], `comment above ${key.env}`).toMatch(/^# \S/);
    }
    expect(text).toBe(renderEnvExample());
  });

  it('never puts a secret value into .env.example', () => {
    const parsed = parseDotenv(
      readFileSync(path.join(repoRoot, '.env.example'), 'utf8').replace(/^# /gm, ''),
    );
    for (const key of CONFIG_KEYS.filter((k) => 'secret' in k && k.secret)) expect(parsed[key.env]).toBe('');
  });

  it("README's configuration table is the one generated from the schema", () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toContain(renderConfigTable());
    expect(withConfigTable(readme)).toBe(readme);
  });
});
