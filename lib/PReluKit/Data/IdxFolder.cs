using PReluKit.Data.Idx;

namespace PReluKit.Data;

/// <summary>A folder with the four files of an MNIST-format set (<c>train-images-idx3-ubyte[.gz]</c>, …).</summary>
public static class IdxFolder
{
    /// <summary>The four file names, without the optional <c>.gz</c>.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>The path of <paramref name="name"/> in <paramref name="folder"/>, preferring the gzip file; null when absent.</summary>
    public static string? Find(string folder, string name) =>
        new[] { Path.Combine(folder, name + ".gz"), Path.Combine(folder, name) }.FirstOrDefault(File.Exists);

    /// <summary>Why <paramref name="name"/>[.gz] is not a file in <paramref name="folder"/>: a folder of that name, an unreadable folder, or absent.</summary>
    private static string Missing(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (Directory.Exists(path + ".gz") || Directory.Exists(path))
        {
            return $"'{(Directory.Exists(path + ".gz") ? path + ".gz" : path)}' is a folder; expected the IDX file";
        }

        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).FirstOrDefault();
        }
        catch (UnauthorizedAccessException)
        {
            return $"'{folder}' cannot be read (permission denied)";
        }

        return $"'{path}[.gz]' does not exist";
    }

    /// <summary>True when all four files are present (gzip or raw).</summary>
    public static bool IsComplete(string? folder) =>
        folder is not null && Directory.Exists(folder) && FileNames.All(n => Find(folder, n) is not null);

    /// <summary>Reads and validates the four files; images and labels must agree in count.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the counts disagree.</exception>
    public static ImageDataset Load(string folder, string name, IReadOnlyList<string> classNames, double mean, double std)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        string Required(string file) => Find(folder, file)
            ?? throw new FileNotFoundException($"{name}: {Missing(folder, file)}.", Path.Combine(folder, file));

        ImageSplit Split(string images, string labels)
        {
            var imagesPath = Required(images);
            var labelsPath = Required(labels);
            var split = new ImageSplit(IdxFile.ReadImages(imagesPath), IdxFile.ReadLabels(labelsPath, classNames.Count));
            return split.Images.Count != split.Labels.Length
                ? throw new InvalidDataException(
                    $"{name}: '{imagesPath}' holds {split.Images.Count:N0} images but '{labelsPath}' holds {split.Labels.Length:N0} labels.")
                : split.Images.Count == 0
                ? throw new InvalidDataException($"{name}: '{imagesPath}' holds no images; a training or test set needs at least one.")
                : split;
        }

        // The two splits are independent files: read them in parallel, and report the first failure as is.
        var train = Task.Run(() => Split(FileNames[0], FileNames[1]));
        var test = Task.Run(() => Split(FileNames[2], FileNames[3]));
        try
        {
            Task.WaitAll(train, test);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var (trainImages, testImages) = (train.Result.Images, test.Result.Images);
        if (trainImages.Rows != testImages.Rows || trainImages.Columns != testImages.Columns)
        {
            throw new InvalidDataException(
                $"{name}: the test images in '{folder}' are {testImages.Rows}×{testImages.Columns} but the training images are " +
                $"{trainImages.Rows}×{trainImages.Columns}; both splits must have one image size.");
        }

        return new ImageDataset(name, train.Result, test.Result, classNames, mean, std, folder);
    }
}
