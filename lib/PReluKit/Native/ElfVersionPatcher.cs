using System.Buffers.Binary;

namespace PReluKit.Native;

/// <summary>
/// Marks one version requirement of an ELF64 shared library as weak (<c>VER_FLG_WEAK</c>), so the dynamic
/// loader accepts the library on a system whose dependency lacks that version.
/// </summary>
/// <remarks>
/// The patch changes exactly one byte (the low byte of <c>vna_flags</c> in <c>.gnu.version_r</c>). It is only
/// safe when nothing really binds to a symbol of that version, so <see cref="Patch"/> refuses unless every
/// dynamic symbol carrying the version is in the allowed list and no relocation refers to any of them.
/// </remarks>
public static class ElfVersionPatcher
{
    /// <summary>The flag glibc reads to treat a missing version need as a warning instead of an error.</summary>
    public const ushort VerFlagWeak = 0x2;

    private const uint ShtRela = 4;
    private const uint ShtRel = 9;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;

    /// <summary>
    /// Returns a copy of <paramref name="image"/> in which the requirement <paramref name="versionName"/> is weak.
    /// </summary>
    /// <param name="image">The bytes of an ELF64 little-endian shared library.</param>
    /// <param name="versionName">The version requirement to weaken, e.g. <c>GLIBCXX_3.4.32</c>.</param>
    /// <param name="allowedSymbols">The only dynamic symbols that may carry that version.</param>
    /// <param name="fileName">Names the file in error messages.</param>
    /// <returns>The patched bytes, and the file offset of the byte that changed.</returns>
    /// <exception cref="InvalidDataException">The file is not what the patch expects; the message says why.</exception>
    public static (byte[] Patched, long ChangedOffset) Patch(
        ReadOnlySpan<byte> image, string versionName, IReadOnlyCollection<string> allowedSymbols, string fileName)
    {
        var elf = new ElfView(image.ToArray(), fileName);
        var verneed = elf.SingleSection(ShtGnuVerneed, ".gnu.version_r");
        var versym = elf.SingleSection(ShtGnuVersym, ".gnu.version");
        var dynsym = elf.SingleSection(ShtDynsym, ".dynsym");

        var (flagsOffset, versionIndex, flags) = FindVersionNeed(elf, verneed, versionName);
        var users = SymbolsWithVersion(elf, dynsym, versym, versionIndex);
        if (users.Count == 0)
        {
            throw elf.Error($"no dynamic symbol uses version {versionName}; nothing to weaken");
        }

        var unexpected = users.Where(u => !allowedSymbols.Contains(u.Name)).Select(u => u.Name).ToList();
        if (unexpected.Count > 0)
        {
            throw elf.Error($"symbols other than [{string.Join(", ", allowedSymbols)}] use version {versionName}: " +
                            string.Join(", ", unexpected) + "; weakening it could break them at run time");
        }

        var relocated = RelocatedSymbolIndices(elf, dynsym);
        var bound = users.Where(u => relocated.Contains(u.Index)).Select(u => u.Name).ToList();
        if (bound.Count > 0)
        {
            throw elf.Error($"a relocation refers to {string.Join(", ", bound)} (version {versionName}); " +
                            "weakening it would leave that reference unresolved");
        }

        var patched = elf.Bytes;
        BinaryPrimitives.WriteUInt16LittleEndian(patched.AsSpan(checked((int)flagsOffset)), (ushort)(flags | VerFlagWeak));
        return (patched, flagsOffset);
    }

    /// <summary>Whether the requirement <paramref name="versionName"/> is already marked weak.</summary>
    /// <exception cref="InvalidDataException">Not an ELF64 file with that requirement.</exception>
    public static bool IsWeak(ReadOnlySpan<byte> image, string versionName, string fileName)
    {
        var elf = new ElfView(image.ToArray(), fileName);
        var (_, _, flags) = FindVersionNeed(elf, elf.SingleSection(ShtGnuVerneed, ".gnu.version_r"), versionName);
        return (flags & VerFlagWeak) != 0;
    }

    /// <summary>The dynamic symbols that carry version <paramref name="versionName"/>.</summary>
    internal static IReadOnlyList<string> SymbolsWithVersion(ReadOnlySpan<byte> image, string versionName, string fileName)
    {
        var elf = new ElfView(image.ToArray(), fileName);
        var (_, index, _) = FindVersionNeed(elf, elf.SingleSection(ShtGnuVerneed, ".gnu.version_r"), versionName);
        return SymbolsWithVersion(elf, elf.SingleSection(ShtDynsym, ".dynsym"), elf.SingleSection(ShtGnuVersym, ".gnu.version"), index)
            .Select(u => u.Name).ToList();
    }

    private static (long FlagsOffset, ushort VersionIndex, ushort Flags) FindVersionNeed(
        ElfView elf, ElfSection verneed, string versionName)
    {
        var strings = elf.Section(verneed.Link);
        long entry = verneed.Offset;
        for (uint i = 0; i < verneed.Info; i++)
        {
            var count = elf.U16(entry + 2);
            var auxOffset = elf.U32(entry + 8);
            long aux = entry + auxOffset;
            for (var j = 0; j < count; j++)
            {
                var name = elf.String(strings, elf.U32(aux + 8));
                if (name == versionName)
                {
                    return (aux + 4, (ushort)(elf.U16(aux + 6) & 0x7fff), elf.U16(aux + 4));
                }

                var next = elf.U32(aux + 12);
                if (next == 0)
                {
                    break;
                }

                aux += next;
            }

            var nextEntry = elf.U32(entry + 12);
            if (nextEntry == 0)
            {
                break;
            }

            entry += nextEntry;
        }

        throw elf.Error($"it has no version requirement named {versionName}");
    }

    private static List<(uint Index, string Name)> SymbolsWithVersion(
        ElfView elf, ElfSection dynsym, ElfSection versym, ushort versionIndex)
    {
        var strings = elf.Section(dynsym.Link);
        var count = dynsym.Size / SymbolSize;
        if (versym.Size != count * 2)
        {
            throw elf.Error($".gnu.version has {versym.Size / 2} entries but .dynsym has {count} symbols");
        }

        var users = new List<(uint, string)>();
        for (uint i = 0; i < count; i++)
        {
            if ((elf.U16(versym.Offset + (2 * i)) & 0x7fff) == versionIndex)
            {
                users.Add((i, elf.String(strings, elf.U32(dynsym.Offset + (i * SymbolSize)))));
            }
        }

        return users;
    }

    private static HashSet<uint> RelocatedSymbolIndices(ElfView elf, ElfSection dynsym)
    {
        var indices = new HashSet<uint>();
        foreach (var section in elf.Sections.Where(s => s.Type is ShtRela or ShtRel))
        {
            var entrySize = section.Type == ShtRela ? 24 : 16;
            if (section.EntrySize != 0 && section.EntrySize != entrySize)
            {
                throw elf.Error($"relocation section at 0x{section.Offset:x} has entry size {section.EntrySize}, expected {entrySize}");
            }

            // Relocations against other symbol tables (e.g. a static .symtab) are resolved at link time, not by the loader.
            if (elf.Sections.IndexOf(dynsym) != (int)section.Link)
            {
                continue;
            }

            for (long at = section.Offset; at < section.Offset + section.Size; at += entrySize)
            {
                indices.Add((uint)(elf.U64(at + 8) >> 32));
            }
        }

        return indices;
    }
}
