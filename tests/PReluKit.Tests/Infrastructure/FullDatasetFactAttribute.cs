using PReluKit.Data;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A fact that needs the full Fashion-MNIST set. Outside CI it is skipped, saying why, when the set is absent;
/// in CI (CI=true) it always runs, since .ci/run installs the Debian package.
/// </summary>
public sealed class FullDatasetFactAttribute : FactAttribute
{
    public FullDatasetFactAttribute()
    {
        if (!FullSetAvailable && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = $"The full Fashion-MNIST set is not installed (sudo apt-get install dataset-fashion-mnist puts it in {FashionMnist.SystemFolder}).";
        }
    }

    public static bool FullSetAvailable => IdxFolder.IsComplete(FashionMnist.SystemFolder)
        || IdxFolder.IsComplete(Environment.GetEnvironmentVariable(FashionMnist.EnvironmentVariable));
}
