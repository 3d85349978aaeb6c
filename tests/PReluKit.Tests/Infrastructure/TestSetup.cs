using System.Runtime.CompilerServices;
using PReluKit.Native;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Applies the native loader before any test touches TorchSharp, as the README tells users to.</summary>
internal static class TestSetup
{
#pragma warning disable CA2255 // The test assembly is the application here: it must fix the loader before any torch call.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize() => TorchNative.EnsureLoaded();
}
