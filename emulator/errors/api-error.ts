// The one error type of the emulator's API. Each factory below is one row of Smartsheet's error table
// (smartsheet-api.md §1.5): HTTP status, errorCode and the message wording the real service uses, so
// a client's error handling meets the same values here as against Smartsheet.

export type ErrorDetail = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The same error with row context attached (Smartsheet adds `{index, rowId}` to bulk row errors). */
  withDetail(detail: ErrorDetail): ApiError {
    return new ApiError(this.status, this.errorCode, this.message, { ...this.detail, ...detail });
  }
}

export const apiErrors = {
  tokenRequired: () => new ApiError(401, 1001, 'An Access Token is required.'),
  tokenInvalid: () => new ApiError(401, 1002, 'Your Access Token is invalid.'),
  tokenExpired: () => new ApiError(401, 1003, 'Your Access Token has expired.'),
  notAuthorized: () => new ApiError(403, 1004, 'You are not authorized to perform this action.'),
  notFound: () => new ApiError(404, 1006, 'Not Found'),
  unparsable: (reason: string) =>
    new ApiError(400, 1008, `Unable to parse request. The following error occurred: ${reason}`),
  missingParameter: (name: string) =>
    new ApiError(400, 1009, `A required parameter is missing from your request: ${name}.`),
  methodNotSupported: () => new ApiError(405, 1010, 'HTTP Method not supported.'),
  missingAttribute: (name: string) =>
    new ApiError(400, 1012, `A required object attribute is missing from your request: ${name}.`),
  invalidValue: (value: string, parameter: string) =>
    new ApiError(400, 1018, `The value ${value} was not valid for the parameter ${parameter}.`),
  bodyRequired: () => new ApiError(400, 1024, 'The HTTP request body is required for this Method.'),
  attributesNotAllowed: (names: string) =>
    new ApiError(400, 1032, `The attribute(s) ${names} are not allowed for this operation.`),
  invalidRowId: () => new ApiError(400, 1034, 'Invalid Row Id.'),
  invalidColumnId: (columnId: unknown) =>
    new ApiError(400, 1036, `The columnId ${String(columnId)} is invalid.`),
  duplicateColumn: (columnId: number) =>
    new ApiError(400, 1037, `The columnId ${columnId} is included more than once in a single row.`),
  notStrict: (columnId: number, value: unknown, type: string) =>
    new ApiError(
      400,
      1042,
      `The value for cell in column ${columnId}, ${JSON.stringify(value)}, did not conform to the strict requirements for type ${type}.`,
    ),
  systemColumn: (columnId: number) =>
    new ApiError(
      400,
      1046,
      `Cells containing system values cannot be inserted or updated through the API, columnId : ${columnId}.`,
    ),
  lockedRow: () => new ApiError(403, 1050, 'You cannot edit a locked row.'),
  fileViaJson: () => new ApiError(400, 1051, 'Attachments of type FILE cannot be created using JSON.'),
  maxCountExceeded: (field: string) => new ApiError(400, 1061, `Max count exceeded for field ${field}.`),
  invalidRowLocation: () => new ApiError(400, 1062, 'Invalid row location.'),
  fileTooLarge: (size: number, limit: number) =>
    new ApiError(
      400,
      1074,
      `You are trying to upload a file of ${size} bytes, but the API currently only supports ${limit} bytes.`,
    ),
  contentSizeMismatch: () =>
    new ApiError(
      400,
      1075,
      'The Content-Size provided did not match the file uploaded. This may be due to network issues or because the wrong Content-Size was specified. Please try again.',
    ),
  versionOfNonFile: () =>
    new ApiError(400, 1101, 'New versions are not supported for attachments of this type.'),
  multipleRowLocations: () =>
    new ApiError(
      400,
      1123,
      'Specifying multiple row locations is not yet supported. Each row must use the same row location attribute and value (toBottom, toTop, parentId, siblingId, above).',
    ),
  unsupportedMediaType: () =>
    new ApiError(415, 1124, 'Invalid Content-Type header. Media type not supported.'),
  valueAndObjectValue: () =>
    new ApiError(400, 1130, 'One of cell.value or objectValue may be set, but not both.'),
  scopeNotFound: (scope: string, objectId: unknown) =>
    new ApiError(404, 1151, `Scope '${scope}', object id ${String(objectId)} was not found.`),
  httpsRequired: (attribute: string) =>
    new ApiError(
      400,
      1152,
      `Only URLs with a protocol of 'https' are supported for attribute '${attribute}'.`,
    ),
  appRevoked: () =>
    new ApiError(
      403,
      1153,
      'This webhook cannot be enabled because access was revoked for the application that created it.',
    ),
  administrativelyDisabled: () =>
    new ApiError(403, 1154, 'Please contact api@smartsheet.com in order to enable this webhook.'),
  formulaWithValue: () =>
    new ApiError(
      400,
      1163,
      'If cell.formula is specified, then value, objectValue, image, hyperlink, and linkInFromCell must not be specified.',
    ),
  unexpected: () =>
    new ApiError(
      500,
      4000,
      'An unexpected error has occurred. Please contact api@smartsheet.com for assistance.',
    ),
  maintenance: () =>
    new ApiError(
      503,
      4001,
      'Smartsheet.com is currently offline for system maintenance. Please check back again shortly.',
    ),
  serverTimeout: () => new ApiError(500, 4002, 'Server timeout exceeded. Request has failed.'),
  rateLimited: () => new ApiError(429, 4003, 'Rate limit exceeded.'),
  retryLater: () =>
    new ApiError(
      500,
      4004,
      'An unexpected error has occurred. Please retry your request. If you encounter this error repeatedly, please contact api@smartsheet.com for assistance.',
    ),
  sheetBeingUpdated: (sheetId: number) =>
    new ApiError(
      500,
      4004,
      `Request failed because sheetId ${sheetId} is currently being updated by another request that uses the same access token. Please retry your request once the previous request has completed.`,
    ),
  versionRetired: () => new ApiError(410, 4005, 'API version retired.'),
} as const;
