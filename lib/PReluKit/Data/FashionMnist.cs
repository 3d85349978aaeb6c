namespace PReluKit.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul, Vollgraf 2017; MIT licence, Zalando Research): the shipped subset in data/, the full
/// set found locally or downloaded, or any folder with the four IDX files.
/// </summary>
public static class FashionMnist
{
    /// <summary>Environment variable naming a folder with the full set.</summary>
    public const string EnvironmentVariable = "PRELUKIT_FASHION_MNIST";

    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the full set.</summary>
    public const string SystemFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The subset's folder inside data/.</summary>
    public const string SubsetFolderName = "fashion-mnist-subset";

    /// <summary>A full copy the user placed inside data/ (git-ignored).</summary>
    public const string FullFolderName = "fashion-mnist-full";

    /// <summary>Pixel mean of the full training set on [0, 1].</summary>
    public const double Mean = 0.2860;

    /// <summary>Pixel standard deviation of the full training set on [0, 1].</summary>
    public const double Std = 0.3530;

    /// <summary>The dataset's official download location.</summary>
    public static Uri OfficialBaseAddress { get; } = new("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /// <summary>The ten class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>SHA-256 of each official file's decompressed content (the same for every recompressed copy).</summary>
    public static IReadOnlyDictionary<string, string> ContentSha256 { get; } = new Dictionary<string, string>
    {
        ["train-images-idx3-ubyte.gz"] = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        ["train-labels-idx1-ubyte.gz"] = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        ["t10k-images-idx3-ubyte.gz"] = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        ["t10k-labels-idx1-ubyte.gz"] = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    };

    /// <summary>Loads by a user's choice: <c>subset</c>, <c>full</c>, or a folder path.</summary>
    /// <exception cref="ArgumentException">An empty choice.</exception>
    public static ImageDataset Load(string source, FashionMnistOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return source.ToLowerInvariant() switch
        {
            "subset" => LoadSubset(options),
            "full" => LoadFull(options),
            _ => LoadFolder(source, "Fashion-MNIST"),
        };
    }

    /// <summary>The stratified subset shipped in data/ (see data/README.md).</summary>
    /// <exception cref="FileNotFoundException">data/ was not found.</exception>
    public static ImageDataset LoadSubset(FashionMnistOptions? options = null)
    {
        var data = (options ?? new()).RepositoryDataFolder ?? RepositoryData.Find()
                   ?? throw new FileNotFoundException(
                       $"The shipped Fashion-MNIST subset was not found: no data/{SubsetFolderName} above '{Environment.CurrentDirectory}' " +
                       $"or '{AppContext.BaseDirectory}'. Run from the repository or set {RepositoryData.EnvironmentVariable} to its data/ folder.");
        return LoadFolder(Path.Combine(data, SubsetFolderName), "Fashion-MNIST subset");
    }

    /// <summary>The full set (60,000 + 10,000 images), found by <see cref="LocateFull"/>.</summary>
    public static ImageDataset LoadFull(FashionMnistOptions? options = null) =>
        LoadFolder(LocateFull(options), "Fashion-MNIST");

    /// <summary>Any folder with the four IDX files (gzip or raw).</summary>
    public static ImageDataset LoadFolder(string folder, string name) =>
        IdxFolder.Load(folder, name, ClassNames, Mean, Std);

    /// <summary>
    /// Finds the full set: the explicit folder, then <see cref="EnvironmentVariable"/>, then data/fashion-mnist-full/,
    /// then the Debian package's folder, then the download cache; downloads into the cache when allowed.
    /// </summary>
    /// <returns>A folder holding the four files.</returns>
    /// <exception cref="FileNotFoundException">Nothing was found and the download failed or was not allowed; the message lists the ways to get the data.</exception>
    /// <exception cref="InvalidDataException">A download did not match its checksum (the file is not kept).</exception>
    public static string LocateFull(FashionMnistOptions? options = null)
    {
        options ??= new();
        foreach (var (folder, origin) in new[]
                 {
                     (options.ExplicitFolder, "the folder given"),
                     (options.GetEnvironmentVariable(EnvironmentVariable), $"{EnvironmentVariable}"),
                 })
        {
            if (string.IsNullOrEmpty(folder))
            {
                continue;
            }

            return IdxFolder.IsComplete(folder)
                ? folder
                : throw new FileNotFoundException(
                    $"Fashion-MNIST: {origin} ('{folder}') does not hold all of {string.Join(", ", IdxFolder.FileNames.Select(n => n + "[.gz]"))}.");
        }

        var repositoryData = options.RepositoryDataFolder ?? RepositoryData.Find();
        var candidates = new[]
        {
            repositoryData is null ? null : Path.Combine(repositoryData, FullFolderName),
            options.SystemFolder,
            options.CacheFolder,
        };
        if (candidates.FirstOrDefault(IdxFolder.IsComplete) is { } found)
        {
            return found;
        }

        string why;
        if (options.AllowDownload)
        {
            try
            {
                Download(options);
                return options.CacheFolder;
            }
            catch (IOException e)
            {
                why = e.Message;
            }
        }
        else
        {
            why = "downloading was not allowed";
        }

        throw new FileNotFoundException(
            $"The full Fashion-MNIST set was not found and could not be downloaded ({why}). Ways to get it:{Environment.NewLine}" +
            $"  - Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist (installs into {SystemFolder}){Environment.NewLine}" +
            $"  - put the four files ({string.Join(", ", options.ContentSha256.Keys)}) into {candidates[0] ?? "data/" + FullFolderName}{Environment.NewLine}" +
            $"  - or into any folder and set {EnvironmentVariable} to it, or pass that folder as --data PATH{Environment.NewLine}" +
            $"  - or allow the download from {options.DownloadBaseAddress} into {options.CacheFolder} when online.");
    }

    private static void Download(FashionMnistOptions options)
    {
        using var ownClient = options.HttpClient is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout.InfiniteTimeSpan }
            : null;
        var client = options.HttpClient ?? ownClient!;
        new DatasetDownloader(client, options.DownloadBaseAddress, options.StallTimeout)
            .DownloadAsync(options.CacheFolder, options.ContentSha256, options.Progress, options.Cancellation)
            .GetAwaiter().GetResult();
    }
}
