using System.Buffers.Binary;
using System.Text;

namespace PReluKit.Native;

/// <summary>Bounds-checked, little-endian reads over the bytes of an ELF64 file and its section headers.</summary>
internal sealed class ElfView
{
    private readonly string _fileName;

    public ElfView(byte[] bytes, string fileName)
    {
        Bytes = bytes;
        _fileName = fileName;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw Error("it is not an ELF file (bad magic number)");
        }

        if (bytes[4] != 2)
        {
            throw Error($"it is not ELF64 (EI_CLASS = {bytes[4]}, expected 2)");
        }

        if (bytes[5] != 1)
        {
            throw Error($"it is not little-endian (EI_DATA = {bytes[5]}, expected 1)");
        }

        var sectionTable = (long)U64(0x28);
        var headerSize = U16(0x3a);
        var count = U16(0x3c);
        if (headerSize != 64)
        {
            throw Error($"section header size is {headerSize}, expected 64");
        }

        if (sectionTable <= 0 || count == 0 || sectionTable + ((long)count * headerSize) > bytes.Length)
        {
            throw Error($"section header table (offset {sectionTable}, {count} entries) lies outside the file ({bytes.Length} bytes)");
        }

        for (var i = 0; i < count; i++)
        {
            var at = sectionTable + (i * 64L);
            var section = new ElfSection(
                Type: U32(at + 4), Offset: (long)U64(at + 24), Size: (long)U64(at + 32),
                Link: U32(at + 40), Info: U32(at + 44), EntrySize: (long)U64(at + 56));
            // SHT_NOBITS (8) occupies no file bytes.
            if (section.Type != 8 && section.Type != 0 && (section.Offset < 0 || section.Size < 0 || section.Offset + section.Size > bytes.Length))
            {
                throw Error($"section {i} (offset {section.Offset}, size {section.Size}) lies outside the file");
            }

            Sections.Add(section);
        }
    }

    public byte[] Bytes { get; }

    public List<ElfSection> Sections { get; } = [];

    public ElfSection Section(uint index) =>
        index < Sections.Count ? Sections[(int)index] : throw Error($"section index {index} is out of range (0..{Sections.Count - 1})");

    public ElfSection SingleSection(uint type, string name)
    {
        var matches = Sections.Where(s => s.Type == type).ToList();
        return matches.Count == 1 ? matches[0] : throw Error($"expected exactly one {name} section, found {matches.Count}");
    }

    public ushort U16(long offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(offset, 2));

    public uint U32(long offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(offset, 4));

    public ulong U64(long offset) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(offset, 8));

    public string String(ElfSection table, uint offset)
    {
        var start = table.Offset + offset;
        if (offset >= table.Size)
        {
            throw Error($"string offset {offset} lies outside its string table ({table.Size} bytes)");
        }

        var span = Bytes.AsSpan((int)start, (int)(table.Size - offset));
        var end = span.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? span : span[..end]);
    }

    public InvalidDataException Error(string what) =>
        new($"Cannot patch '{_fileName}': {what}.");

    private ReadOnlySpan<byte> Slice(long offset, int length) =>
        offset >= 0 && offset + length <= Bytes.Length
            ? Bytes.AsSpan((int)offset, length)
            : throw Error($"read of {length} bytes at offset {offset} lies outside the file ({Bytes.Length} bytes)");
}
