using PReluKit.Data;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Data;

public class FashionMnistLocationTests
{
    /// <summary>Options that look only inside <paramref name="root"/> and never reach the network.</summary>
    private static FashionMnistOptions Isolated(TempFolder root, Uri? download = null) => new()
    {
        GetEnvironmentVariable = _ => null,
        RepositoryDataFolder = root.Combine("data"),
        SystemFolder = root.Combine("system"),
        CacheFolder = root.Combine("cache"),
        AllowDownload = download is not null,
        DownloadBaseAddress = download ?? new Uri("http://127.0.0.1:9/"),
    };

    [Fact]
    public void The_search_order_is_explicit_then_environment_then_repository_then_system_then_cache()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("explicit"), trainCount: 1);
        TinyIdxSet.Write(root.Combine("env"), trainCount: 2);
        TinyIdxSet.Write(root.Combine("data", FashionMnist.FullFolderName), trainCount: 3);
        TinyIdxSet.Write(root.Combine("system"), trainCount: 4, gzip: false);
        TinyIdxSet.Write(root.Combine("cache"), trainCount: 5);
        var env = root.Combine("env");
        var options = Isolated(root) with { ExplicitFolder = root.Combine("explicit"), GetEnvironmentVariable = v => v == FashionMnist.EnvironmentVariable ? env : null };

        Assert.Equal(1, TinyIdxSet.TrainCountIn(FashionMnist.LocateFull(options)));
        Assert.Equal(2, TinyIdxSet.TrainCountIn(FashionMnist.LocateFull(options with { ExplicitFolder = null })));
        options = options with { ExplicitFolder = null, GetEnvironmentVariable = _ => null };
        Assert.Equal(3, TinyIdxSet.TrainCountIn(FashionMnist.LocateFull(options)));
        Directory.Delete(root.Combine("data", FashionMnist.FullFolderName), recursive: true);
        Assert.Equal(4, TinyIdxSet.TrainCountIn(FashionMnist.LocateFull(options)));
        Directory.Delete(root.Combine("system"), recursive: true);
        Assert.Equal(5, TinyIdxSet.TrainCountIn(FashionMnist.LocateFull(options)));
    }

    [Fact]
    public void An_incomplete_explicit_folder_is_an_error_not_a_fallthrough()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("system"), trainCount: 4);
        Directory.CreateDirectory(root.Combine("partial"));
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LocateFull(Isolated(root) with { ExplicitFolder = root.Combine("partial") }));
        Assert.Contains(root.Combine("partial"), error.Message);
        Assert.Contains("train-images-idx3-ubyte", error.Message);
    }

    [Fact]
    public void Nothing_found_offline_gives_one_error_listing_the_ways_to_get_the_data()
    {
        using var root = new TempFolder();
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LocateFull(Isolated(root)));
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains(FashionMnist.EnvironmentVariable, error.Message);
        Assert.Contains(FashionMnist.FullFolderName, error.Message);
        Assert.Contains("--data PATH", error.Message);
    }

    [Fact]
    public async Task A_good_download_is_verified_and_lands_in_the_cache_with_progress()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("origin"), trainCount: 6);
        await using var server = new LoopbackHttpServer();
        var hashes = ServeFolder(server, root.Combine("origin"));
        var reports = new List<DownloadProgress>();
        var options = Isolated(root, server.BaseAddress) with { ContentSha256 = hashes, Progress = new InlineProgress<DownloadProgress>(reports.Add) };

        var folder = FashionMnist.LocateFull(options);

        Assert.Equal(root.Combine("cache"), folder);
        Assert.Equal(6, TinyIdxSet.TrainCountIn(folder));
        Assert.Contains(reports, r => r.File == "train-images-idx3-ubyte.gz" && r.BytesReceived == r.TotalBytes);
        Assert.Equal(4, Directory.GetFiles(folder).Length);

        var requests = server.Requests;
        FashionMnist.LocateFull(options); // cached: no new request
        Assert.Equal(requests, server.Requests);
    }

    [Fact]
    public async Task A_corrupted_download_fails_its_checksum_and_is_not_kept()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("origin"), trainCount: 6);
        await using var server = new LoopbackHttpServer();
        var hashes = ServeFolder(server, root.Combine("origin"));
        TinyIdxSet.Write(root.Combine("other"), trainCount: 7);
        server.Serve("t10k-images-idx3-ubyte.gz", File.ReadAllBytes(root.Combine("other", "train-images-idx3-ubyte.gz")));

        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LocateFull(Isolated(root, server.BaseAddress) with { ContentSha256 = hashes }));

        Assert.Contains("t10k-images-idx3-ubyte.gz", error.Message);
        Assert.Contains(hashes["t10k-images-idx3-ubyte.gz"], error.Message);
        Assert.False(File.Exists(root.Combine("cache", "t10k-images-idx3-ubyte.gz")));
        Assert.DoesNotContain(Directory.GetFiles(root.Combine("cache")), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dropped_connection_leaves_nothing_partial_and_explains_the_ways()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("origin"), trainCount: 600);
        await using var server = new LoopbackHttpServer();
        var hashes = ServeFolder(server, root.Combine("origin"));
        server.Serve("train-images-idx3-ubyte.gz", File.ReadAllBytes(root.Combine("origin", "train-images-idx3-ubyte.gz")), dropHalfway: true);

        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LocateFull(Isolated(root, server.BaseAddress) with { ContentSha256 = hashes }));

        Assert.Contains("train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.False(File.Exists(root.Combine("cache", "train-images-idx3-ubyte.gz")));
        Assert.DoesNotContain(Directory.GetFiles(root.Combine("cache")), f => f.EndsWith(".part", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_with_progress_while_waiting_and_leaves_nothing()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("origin"), trainCount: 6);
        await using var server = new LoopbackHttpServer { Silent = true };
        var hashes = ServeFolder(server, root.Combine("origin"));
        var reports = new List<DownloadProgress>();
        var options = Isolated(root, server.BaseAddress) with
        {
            ContentSha256 = hashes, StallTimeout = TimeSpan.FromSeconds(2.5), Progress = new InlineProgress<DownloadProgress>(reports.Add),
        };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnist.LocateFull(options));

        Assert.InRange(clock.Elapsed.TotalSeconds, 2, 20);
        Assert.Contains("sent nothing for 2.5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(reports, r => r.Waiting >= TimeSpan.FromSeconds(1));
        Assert.Empty(Directory.GetFiles(root.Combine("cache")));
    }

    [Fact]
    public async Task Cancelling_a_download_while_it_waits_stops_it_and_leaves_nothing()
    {
        using var root = new TempFolder();
        TinyIdxSet.Write(root.Combine("origin"), trainCount: 6);
        await using var server = new LoopbackHttpServer { Silent = true };
        var hashes = ServeFolder(server, root.Combine("origin"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var options = Isolated(root, server.BaseAddress) with { ContentSha256 = hashes, Cancellation = cancel.Token };

        Assert.ThrowsAny<OperationCanceledException>(() => FashionMnist.LocateFull(options));
        Assert.Empty(Directory.GetFiles(root.Combine("cache")));
    }

    private static Dictionary<string, string> ServeFolder(LoopbackHttpServer server, string folder)
    {
        var hashes = new Dictionary<string, string>();
        foreach (var path in Directory.GetFiles(folder))
        {
            var name = Path.GetFileName(path);
            server.Serve(name, File.ReadAllBytes(path));
            hashes[name] = DatasetDownloader.ContentSha256(path, name);
        }

        return hashes;
    }
}
