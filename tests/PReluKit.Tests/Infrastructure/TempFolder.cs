namespace PReluKit.Tests.Infrastructure;

/// <summary>A temp folder deleted with its contents on dispose.</summary>
/// <param name="parent">Where to create it (default: the system temp folder).</param>
internal sealed class TempFolder(string? parent = null) : IDisposable
{
    public string Path { get; } = parent is null
        ? Directory.CreateTempSubdirectory("prelukit-test-").FullName
        : Directory.CreateDirectory(System.IO.Path.Combine(parent, "notebook-test-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
