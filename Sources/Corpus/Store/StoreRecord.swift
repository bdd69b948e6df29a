import Text

/// One document as a store keeps it: everything the readers made of the
/// record (normalised text, raw-text patches, dates found), so loading it
/// again needs no parsing and no normalisation.
///
/// Layout: the id; the index of its source in the store's source table; the
/// line; a flag byte (date present, date found in the text, metadata raw);
/// year, month and day; authors; urls; metadata (the record's raw JSON, or
/// kiji's own encoding of decoded values); the raw title's length; the
/// duplicate marker's hash of the text (saves hashing every text on each
/// load); the normalised text; the patches.
enum StoreRecord {
    private static let hasDate: UInt8 = 1, dateFromText: UInt8 = 2, rawMeta: UInt8 = 4

    static func encode(_ document: Document, sourceIndex: Int) -> [UInt8] {
        var writer = StoreByteWriter()
        writer.string(document.id)
        writer.varint(sourceIndex)
        writer.varint(document.line)
        var flags: UInt8 = 0
        if document.date != nil { flags |= hasDate }
        if document.dateOrigin == .text { flags |= dateFromText }
        if case .raw = document.metaStorage { flags |= rawMeta }
        writer.byte(flags)
        if let date = document.date {
            writer.varint(date.year)
            writer.varint(date.month)
            writer.varint(date.day)
        }
        writer.strings(document.authors)
        writer.strings(document.urls)
        switch document.metaStorage {
        case .raw(let bytes): writer.data(bytes)
        case .decoded(let values): encode(.object(values), into: &writer)
        }
        writer.varint(document.rawTitleCount)
        writer.fixed64(document.comparableHash)
        writer.data(document.textBytes)
        writer.data(document.rawPatches.encoded)
        return writer.bytes
    }

    /// The document a record holds; `sources` is the store's source table.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, sources: [String], tokens: StoreTokens? = nil) throws -> Document {
        var reader = StoreByteReader(bytes)
        let id = try reader.string()
        let sourceIndex = try reader.varint()
        guard sourceIndex < sources.count else { throw StoreDamage("a record names a source the store does not list") }
        let line = try reader.varint()
        let flags = try reader.byte()
        guard flags & ~(hasDate | dateFromText | rawMeta) == 0 else { throw StoreDamage("a record has unknown flags") }
        var date: CalendarDate?
        if flags & hasDate != 0 {
            guard let day = CalendarDate(year: try reader.varint(), month: try reader.varint(), day: try reader.varint()) else {
                throw StoreDamage("a record holds a date that does not exist")
            }
            date = day
        }
        let authors = try reader.strings()
        let urls = try reader.strings()
        let meta: DocumentMeta
        if flags & rawMeta != 0 {
            meta = .raw(Array(try reader.data()))
        } else {
            guard case .object(let values) = try decodeValue(&reader, depth: 0) else { throw StoreDamage("metadata is not an object") }
            meta = .decoded(values)
        }
        let rawTitleCount = try reader.varint()
        let comparableHash = try reader.fixed64()
        let text = Array(try reader.data())
        guard text.withUnsafeBytes({ UTF8Validation.firstInvalidOffset(in: $0) }) == nil else {
            throw StoreDamage("a text is not UTF-8")
        }
        guard let patches = NormalizationPatches(encoded: Array(try reader.data()), normalizedCount: text.count) else {
            throw StoreDamage("a text's patches do not fit it")
        }
        guard reader.isAtEnd else { throw StoreDamage("a record has bytes after its end") }
        guard rawTitleCount <= text.count + max(patches.rawGrowth, 0) else { throw StoreDamage("a title is longer than its text") }
        let origin: DateOrigin? = date == nil ? nil : (flags & dateFromText != 0 ? .text : .stated)
        return Document(storedID: id, source: sources[sourceIndex], line: line,
                        text: DocumentText(bytes: text, patches: patches, rawTitleCount: rawTitleCount), comparableHash: comparableHash,
                        date: date, dateOrigin: origin, authors: authors, urls: urls, meta: meta, tokens: tokens)
    }

    private enum Tag: UInt8 { case null, no, yes, integer, number, string, array, object }

    private static func encode(_ value: JSONValue, into writer: inout StoreByteWriter) {
        switch value {
        case .null: writer.byte(Tag.null.rawValue)
        case .bool(let flag): writer.byte((flag ? Tag.yes : Tag.no).rawValue)
        case .integer(let number):
            writer.byte(Tag.integer.rawValue)
            writer.fixed64(UInt64(bitPattern: Int64(number)))
        case .number(let number):
            writer.byte(Tag.number.rawValue)
            writer.fixed64(number.bitPattern)
        case .string(let text):
            writer.byte(Tag.string.rawValue)
            writer.string(text)
        case .array(let items):
            writer.byte(Tag.array.rawValue)
            writer.varint(items.count)
            for item in items { encode(item, into: &writer) }
        case .object(let members):
            writer.byte(Tag.object.rawValue)
            writer.varint(members.count)
            // Sorted, so that the same metadata always gives the same bytes.
            for key in members.keys.sorted() {
                writer.string(key)
                encode(members[key]!, into: &writer)
            }
        }
    }

    private static func decodeValue(_ reader: inout StoreByteReader, depth: Int) throws -> JSONValue {
        guard depth <= JSONLinesReader.maxMetaDepth + 1 else { throw StoreDamage("metadata nests too deep") }
        guard let tag = Tag(rawValue: try reader.byte()) else { throw StoreDamage("metadata has an unknown value kind") }
        switch tag {
        case .null: return .null
        case .no: return .bool(false)
        case .yes: return .bool(true)
        case .integer: return .integer(Int(Int64(bitPattern: try reader.fixed64())))
        case .number: return .number(Double(bitPattern: try reader.fixed64()))
        case .string: return .string(try reader.string())
        case .array:
            let count = try reader.varint()
            guard count <= reader.bytes.count - reader.offset else { throw StoreDamage("a list is longer than the record") }
            return .array(try (0..<count).map { _ in try decodeValue(&reader, depth: depth + 1) })
        case .object:
            let count = try reader.varint()
            guard count <= reader.bytes.count - reader.offset else { throw StoreDamage("an object is longer than the record") }
            var members: [String: JSONValue] = [:]
            for _ in 0..<count {
                let key = try reader.string()
                members[key] = try decodeValue(&reader, depth: depth + 1)
            }
            return .object(members)
        }
    }
}
