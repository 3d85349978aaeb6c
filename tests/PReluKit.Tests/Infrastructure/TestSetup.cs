using System.Runtime.CompilerServices;
using PReluKit.Native;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Applies the native loader before any test touches TorchSharp, as the README tells users to.</summary>
internal static class TestSetup
{
    /// <summary>
    /// libtorch threads per test: xunit runs one test per CPU side by side, so each, and each process it starts (they inherit
    /// the variable), gets one CPU and the suite never runs more busy threads than there are CPUs.
    /// </summary>
    public const int ThreadsPerTest = 1;

#pragma warning disable CA2255 // The test assembly is the application here: it must fix the loader before any torch call.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(CooperativeThreading.ThreadCountVariable) is null or "")
        {
            Environment.SetEnvironmentVariable(CooperativeThreading.ThreadCountVariable, ThreadsPerTest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        TorchNative.EnsureLoaded();
    }
}
