using PReluKit.Native;

namespace PReluKit.Tests.Native;

public class ElfVersionPatcherTests
{
    private static readonly string[] OnlyUser = [TorchNative.OnlyUserOfVersion];

    internal static string OriginalLibrary { get; } = FindOriginal();

    [Fact]
    public void Patching_the_real_TorchSharp_library_changes_exactly_one_byte_to_set_the_weak_flag()
    {
        var original = File.ReadAllBytes(OriginalLibrary);
        Assert.False(ElfVersionPatcher.IsWeak(original, TorchNative.MissingVersion, OriginalLibrary));

        var (patched, offset) = ElfVersionPatcher.Patch(original, TorchNative.MissingVersion, OnlyUser, OriginalLibrary);

        Assert.Equal(original.Length, patched.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([(int)offset], differing);
        Assert.Equal(ElfVersionPatcher.VerFlagWeak, patched[offset] ^ original[offset]);
        Assert.True(ElfVersionPatcher.IsWeak(patched, TorchNative.MissingVersion, OriginalLibrary));
    }

    [Fact]
    public void The_only_symbol_of_the_missing_version_is_the_iostream_initialiser()
    {
        var users = ElfVersionPatcher.SymbolsWithVersion(File.ReadAllBytes(OriginalLibrary), TorchNative.MissingVersion, OriginalLibrary);
        Assert.Equal(OnlyUser, users);
    }

    [Fact]
    public void Refuses_when_other_symbols_use_the_version()
    {
        var image = File.ReadAllBytes(OriginalLibrary);
        var error = Assert.Throws<InvalidDataException>(() =>
            ElfVersionPatcher.Patch(image, TorchNative.MissingVersion, ["something_else"], OriginalLibrary));
        Assert.Contains(TorchNative.OnlyUserOfVersion, error.Message);
        Assert.Contains(OriginalLibrary, error.Message);
    }

    [Fact]
    public void Refuses_when_a_relocation_binds_a_symbol_of_the_version()
    {
        // GLIBCXX_3.4.30's symbols are really called, so relocations refer to them.
        var image = File.ReadAllBytes(OriginalLibrary);
        var users = ElfVersionPatcher.SymbolsWithVersion(image, "GLIBCXX_3.4.30", OriginalLibrary);
        Assert.NotEmpty(users);
        var error = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.Patch(image, "GLIBCXX_3.4.30", users.ToArray(), OriginalLibrary));
        Assert.Contains("relocation", error.Message);
    }

    [Fact]
    public void Refuses_an_unknown_version()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            ElfVersionPatcher.Patch(File.ReadAllBytes(OriginalLibrary), "GLIBCXX_9.9.9", OnlyUser, OriginalLibrary));
        Assert.Contains("GLIBCXX_9.9.9", error.Message);
    }

    [Theory]
    [InlineData(0, 0x00, "not an ELF file")]
    [InlineData(4, 0x01, "not ELF64")]
    [InlineData(5, 0x02, "not little-endian")]
    [InlineData(0x3a, 0x20, "section header size")]
    [InlineData(0x2f, 0x7f, "outside the file")]
    public void A_corrupted_header_gives_a_clear_error_naming_the_file(int offset, byte value, string expected)
    {
        var image = File.ReadAllBytes(OriginalLibrary);
        image[offset] = value;
        var error = Assert.Throws<InvalidDataException>(() =>
            ElfVersionPatcher.Patch(image, TorchNative.MissingVersion, OnlyUser, "corrupted.so"));
        Assert.Contains("corrupted.so", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(63)]
    public void A_truncated_file_gives_a_clear_error(int length)
    {
        var image = File.ReadAllBytes(OriginalLibrary).AsSpan(0, length).ToArray();
        var error = Assert.Throws<InvalidDataException>(() =>
            ElfVersionPatcher.Patch(image, TorchNative.MissingVersion, OnlyUser, "short.so"));
        Assert.Contains("short.so", error.Message);
    }

    private static string FindOriginal()
    {
        var torchSharp = typeof(TorchSharp.torch).Assembly.Location;
        var folder = Path.GetDirectoryName(torchSharp)!;
        string[] candidates =
        [
            Path.Combine(folder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(folder, "libLibTorchSharp.so"),
        ];
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException($"libLibTorchSharp.so not found in {string.Join(", ", candidates)}");
    }
}
