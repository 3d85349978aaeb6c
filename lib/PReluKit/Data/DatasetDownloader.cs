using System.Security.Cryptography;

namespace PReluKit.Data;

/// <summary>
/// Downloads the files of an IDX data set into a folder: each file streams into a temp file, is verified against
/// the SHA-256 of its decompressed content, and only then renamed into place, so the folder never holds a
/// partial or unverified file.
/// </summary>
/// <remarks>
/// The content (not the .gz) is hashed because mirrors and distributions recompress the same data.
/// </remarks>
/// <param name="client">The HTTP client; its own timeout is not relied on.</param>
/// <param name="baseAddress">The folder URL the files are fetched from.</param>
/// <param name="stallTimeout">How long the server may send nothing (before its response or between reads) before the download fails.</param>
public sealed class DatasetDownloader(HttpClient client, Uri baseAddress, TimeSpan stallTimeout)
{
    /// <summary>Downloads every file in <paramref name="expectedContentSha256"/> (name → hex SHA-256 of the gunzipped bytes) that the folder lacks.</summary>
    /// <exception cref="InvalidDataException">A file's content hash does not match; it is not kept.</exception>
    /// <exception cref="IOException">The transfer failed or stalled; nothing partial is kept.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing partial is kept.</exception>
    public async Task DownloadAsync(string folder, IReadOnlyDictionary<string, string> expectedContentSha256,
                                    IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedContentSha256);
        Directory.CreateDirectory(folder);
        IO.StaleFiles.Remove(folder);
        foreach (var (file, expected) in expectedContentSha256)
        {
            var target = Path.Combine(folder, file);
            if (!File.Exists(target))
            {
                await DownloadFileAsync(target, file, expected, progress, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DownloadFileAsync(string target, string file, string expected, IProgress<DownloadProgress>? progress,
                                         CancellationToken cancellationToken)
    {
        var address = new Uri(baseAddress, file);
        var temp = target + IO.StaleFiles.TempSuffix("part");
        try
        {
            try
            {
                var received = 0L;
                long? total = null;
                void Waiting(TimeSpan waited) => progress?.Report(new DownloadProgress(file, received, total, waited));
                using var response = await Stalling(
                    token => client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, token), Waiting, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                total = response.Content.Headers.ContentLength;
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await Stalling(token => body.ReadAsync(buffer, token).AsTask(), Waiting, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        received += read;
                        progress?.Report(new DownloadProgress(file, received, total));
                    }

                    if (total is { } announced && received != announced)
                    {
                        throw new IOException($"the connection closed after {received:N0} of {announced:N0} bytes");
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new IOException($"Downloading {address} failed: {e.Message}", e);
            }

            var actual = ContentSha256(temp, file);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"Downloaded {address} does not match its checksum: SHA-256 of the content is {actual}, expected {expected}. The file was not kept.");
            }

            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Runs one network step, reporting every second it waits, and fails it with an <see cref="IOException"/> when the
    /// server has sent nothing for <c>stallTimeout</c>; the caller's cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    private async Task<T> Stalling<T>(Func<CancellationToken, Task<T>> step, Action<TimeSpan> waiting, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var task = step(stall.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            var remaining = stallTimeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                await stall.CancelAsync().ConfigureAwait(false);
                break;
            }

            await Task.WhenAny(task, Task.Delay(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!task.IsCompleted && clock.Elapsed >= TimeSpan.FromSeconds(1))
            {
                waiting(clock.Elapsed);
            }
        }

        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"the server sent nothing for {stallTimeout.TotalSeconds:0.#} s");
        }
    }

    /// <summary>SHA-256 (hex) of a file's decompressed content; the file is gunzipped when <paramref name="name"/> ends in .gz.</summary>
    public static string ContentSha256(string path, string name)
    {
        try
        {
            using var file = File.OpenRead(path);
            using Stream content = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
                : file;
            return Convert.ToHexStringLower(SHA256.HashData(content));
        }
        catch (InvalidDataException)
        {
            return "(not valid gzip data)";
        }
    }
}
