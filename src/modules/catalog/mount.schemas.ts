import { Type } from '@sinclair/typebox';
import { Nullable, Strict } from '../../platform/http/schemas.js';


export const MountParams = Type.Object({ resourceId: Type.String({ pattern: '^res_[0-9a-z]{20}$' }) }, Strict);
export const FileFormatSchema = Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('parquet')]);

export const UploadQuery = Type.Object(
  { format: Type.Optional(FileFormatSchema) },
  { ...Strict, description: 'required with application/octet-stream; otherwise it must agree with the content type' },
);

/** The JSON form of an upload (as the element import takes files): the file base64-encoded. */
export const UploadJsonBody = Type.Object(
  { format: FileFormatSchema, contentBase64: Type.String({ minLength: 1, maxLength: 90_000_000 }) },
  Strict,
);
/** A raw file body (CSV, XLSX, Parquet): any bytes (no `type`: the parsed body is a Buffer); checked by the service. */
const RawFile = { format: 'binary', description: 'the file itself as the request body' } as const;

export const UploadBody = {
  content: {
    'text/csv': { schema: RawFile },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: RawFile },
    'application/vnd.apache.parquet': { schema: RawFile },
    'application/octet-stream': { schema: RawFile },
    'application/json': { schema: UploadJsonBody },
  },
};

export const ApiMountBody = Type.Object(
  {
    upstreamUrl: Type.String({ minLength: 8, maxLength: 2000, description: 'http or https, no user information' }),
    keyParam: Type.Optional(Nullable(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,63}$', description: 'query parameter the upstream takes the key in' }))),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000, default: 5000 })),
  },
  Strict,
);

const MountInfo = Type.Object({
  kind: Type.Union([Type.Literal('table'), Type.Literal('api')]),
  version: Type.Integer({ description: 'the version whose mount this is (data carries forward to later versions until re-mounted)' }),
  rowCount: Type.Optional(Type.Integer()),
  sha256: Type.Optional(Type.String()),
  format: Nullable(FileFormatSchema),
  upstreamUrl: Type.Optional(Type.String()),
  keyParam: Type.Optional(Nullable(Type.String())),
  timeoutMs: Type.Optional(Type.Integer()),
  mountedAt: Type.String({ format: 'date-time' }),
});

export const MountResult = Type.Object({ resourceId: Type.String(), version: Type.Integer(), mount: MountInfo });
export const MountState = Type.Object({
  resourceId: Type.String(),
  version: Type.Integer({ description: 'the resource version the caller sees' }),
  owner: Type.Boolean({ description: "whether the caller belongs to the resource's organisation" }),
  mount: Nullable(MountInfo),
});

export const PreviewQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })) }, Strict);
export const Preview = Type.Object({
  resourceId: Type.String(),
  version: Type.Integer(),
  kind: Type.Union([Type.Literal('table'), Type.Literal('api')]),
  rowCount: Type.Integer(),
  columns: Type.Array(Type.Object({ name: Type.String(), label: Type.Object({ zh: Type.String(), en: Type.String() }), dataType: Type.String(), key: Type.Boolean() })),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
});
