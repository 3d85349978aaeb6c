using System.Runtime.CompilerServices;
using PReluKit.Data;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A fact that needs the full Fashion-MNIST set (Debian's dataset-fashion-mnist, or a folder named by PRELUKIT_FASHION_MNIST);
/// skipped, naming the package, where it is absent.
/// </summary>
public sealed class FullDatasetFactAttribute : FactAttribute
{
    public FullDatasetFactAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, SystemPackage.SkipReason(SystemPackage.FashionMnist));

    public static bool FullSetAvailable => IdxFolder.IsComplete(FashionMnist.SystemFolder)
        || IdxFolder.IsComplete(Environment.GetEnvironmentVariable(FashionMnist.EnvironmentVariable));
}
