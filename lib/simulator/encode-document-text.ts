/** UTF-16 big-endian with a FE FF byte-order mark, as AWS serves currentevents. */
export function encodeUtf16BeWithBom(text: string): Buffer {
  const body = Buffer.from(text, "utf16le").swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}

/** UTF-8 with an EF BB BF byte-order mark, as the catalogue is served. */
export function encodeUtf8WithBom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}
