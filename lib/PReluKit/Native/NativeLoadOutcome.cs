namespace PReluKit.Native;

/// <summary>What <see cref="TorchNative.EnsureLoaded"/> did.</summary>
/// <param name="Applied">True when a patched copy of TorchSharp's native library was loaded.</param>
/// <param name="Reason">Why the fix was skipped, or what was loaded.</param>
/// <param name="OriginalPath">The original <c>libLibTorchSharp.so</c> when applied.</param>
/// <param name="PatchedPath">The loaded copy when applied.</param>
public sealed record NativeLoadOutcome(bool Applied, string Reason, string? OriginalPath, string? PatchedPath)
{
    internal static NativeLoadOutcome Skipped(string reason) => new(false, reason, null, null);

    internal static NativeLoadOutcome Patched(string original, string copy) =>
        new(true, $"loaded {copy}, a copy of {original} with its {TorchNative.MissingVersion} need marked weak", original, copy);
}
