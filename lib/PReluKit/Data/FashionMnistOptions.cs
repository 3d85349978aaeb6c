using PReluKit.IO;

namespace PReluKit.Data;

/// <summary>Where <see cref="FashionMnist"/> looks for the data and how it may fetch it. Every default suits normal use; tests override them.</summary>
public sealed record FashionMnistOptions
{
    /// <summary>A folder given by the user (first in the search order).</summary>
    public string? ExplicitFolder { get; init; }

    /// <summary>Reads environment variables (replaceable in tests).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The repository's data/ folder; found by walking up from the working and application folders when null.</summary>
    public string? RepositoryDataFolder { get; init; }

    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> installs the full set.</summary>
    public string SystemFolder { get; init; } = FashionMnist.SystemFolder;

    /// <summary>The per-user cache that downloads go to.</summary>
    public string CacheFolder { get; init; } = UserCache.Folder("datasets", "fashion-mnist");

    /// <summary>Whether the full set may be downloaded when no local copy is found.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>The folder URL the four files are downloaded from.</summary>
    public Uri DownloadBaseAddress { get; init; } = FashionMnist.OfficialBaseAddress;

    /// <summary>Expected SHA-256 of each file's decompressed content.</summary>
    public IReadOnlyDictionary<string, string> ContentSha256 { get; init; } = FashionMnist.ContentSha256;

    /// <summary>Receives download progress.</summary>
    public IProgress<DownloadProgress>? Progress { get; init; }

    /// <summary>The HTTP client for downloads; a new one with a 10 s connect timeout when null.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>How long a download may receive nothing (before the response or between reads) before it fails.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Stops a download; the partial file is removed.</summary>
    public CancellationToken Cancellation { get; init; }
}
