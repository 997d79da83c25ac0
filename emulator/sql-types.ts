// How RisingWave describes column types in rw_catalog.rw_columns, and how the emulator stores them.
export type ColumnType =
  "bigint" | "integer" | "varchar" | "numeric" | "double" | "timestamptz" | "timestamp" | "date" | "boolean" | "jsonb";

type TypeInfo = { dataType: string; typeOid: number; typeLen: number; udtType: string; postgres: string };

export const TYPE_INFO: Record<ColumnType, TypeInfo> = {
  bigint: { dataType: "bigint", typeOid: 20, typeLen: 8, udtType: "int8", postgres: "bigint" },
  integer: { dataType: "integer", typeOid: 23, typeLen: 4, udtType: "int4", postgres: "integer" },
  varchar: { dataType: "character varying", typeOid: 1043, typeLen: -1, udtType: "varchar", postgres: "varchar" },
  numeric: { dataType: "numeric", typeOid: 1700, typeLen: -1, udtType: "numeric", postgres: "numeric" },
  double: { dataType: "double precision", typeOid: 701, typeLen: 8, udtType: "float8", postgres: "double precision" },
  timestamptz: { dataType: "timestamp with time zone", typeOid: 1184, typeLen: 8, udtType: "timestamptz", postgres: "timestamptz" },
  timestamp: { dataType: "timestamp without time zone", typeOid: 1114, typeLen: 8, udtType: "timestamp", postgres: "timestamp" },
  date: { dataType: "date", typeOid: 1082, typeLen: 4, udtType: "date", postgres: "date" },
  boolean: { dataType: "boolean", typeOid: 16, typeLen: 1, udtType: "bool", postgres: "boolean" },
  jsonb: { dataType: "jsonb", typeOid: 3802, typeLen: -1, udtType: "jsonb", postgres: "jsonb" },
};

export type ColumnSpec = { name: string; type: ColumnType; primaryKey?: boolean; nullable?: boolean };
