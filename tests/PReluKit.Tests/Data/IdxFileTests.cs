using System.IO.Compression;
using PReluKit.Data;
using PReluKit.Data.Idx;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Data;

public class IdxFileTests
{
    private static byte[] ValidImagesFile(int count = 3) // raw idx3 bytes: count images of 2×2
    {
        using var folder = new TempFolder();
        var path = folder.Combine("images");
        IdxFile.WriteImages(path, new IdxImages(Enumerable.Range(0, count * 4).Select(i => (byte)i).ToArray(), count, 2, 2));
        return File.ReadAllBytes(path);
    }

    private static InvalidDataException ReadImagesExpectingError(byte[] content, string name = "images-idx3-ubyte")
    {
        using var folder = new TempFolder();
        var path = folder.Combine(name);
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.ReadImages(path));
        Assert.Contains(path, error.Message);
        return error;
    }

    [Theory]
    [InlineData("images-idx3-ubyte")]
    [InlineData("images-idx3-ubyte.gz")]
    public void Images_and_labels_round_trip_raw_and_gzip(string name)
    {
        using var folder = new TempFolder();
        var images = new IdxImages([.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 11))], 2, 3, 4);
        IdxFile.WriteImages(folder.Combine(name), images);
        var read = IdxFile.ReadImages(folder.Combine(name));
        Assert.Equal((2, 3, 4), (read.Count, read.Rows, read.Columns));
        Assert.Equal(images.Pixels, read.Pixels);

        var labelsPath = folder.Combine(name.Replace("images-idx3", "labels-idx1", StringComparison.Ordinal));
        IdxFile.WriteLabels(labelsPath, [0, 9, 3]);
        Assert.Equal([0, 9, 3], IdxFile.ReadLabels(labelsPath));
    }

    [Fact]
    public void Truncation_at_every_header_boundary_and_mid_data_is_reported()
    {
        var valid = ValidImagesFile();
        Assert.Contains("empty", ReadImagesExpectingError([]).Message);
        foreach (var length in new[] { 1, 4, 8, 12, 15 })
        {
            Assert.Contains("ends inside the header", ReadImagesExpectingError(valid[..length]).Message);
        }

        foreach (var length in new[] { 16, 17, valid.Length - 1 })
        {
            var message = ReadImagesExpectingError(valid[..length]).Message;
            Assert.Contains("truncated", message);
            Assert.Contains($"only {length - 16}", message);
        }
    }

    [Fact]
    public void A_truncated_gzip_file_is_reported()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("x-idx3-ubyte.gz");
        var noise = new byte[4000];
        new Random(1).NextBytes(noise); // incompressible, so half the file ends mid-data
        IdxFile.WriteImages(path, new IdxImages(noise, 1000, 2, 2));
        var gz = File.ReadAllBytes(path);
        var error = ReadImagesExpectingError(gz[..(gz.Length / 2)], "x-idx3-ubyte.gz");
        Assert.Matches("truncated|corrupt", error.Message);
    }

    [Fact]
    public void Trailing_bytes_are_reported()
    {
        var error = ReadImagesExpectingError([.. ValidImagesFile(), 0]);
        Assert.Contains("unexpected bytes follow", error.Message);
    }

    [Fact]
    public void A_wrong_magic_number_is_reported()
    {
        var content = ValidImagesFile();
        content[3] = 0x01; // an idx1 (labels) magic in an images file
        var error = ReadImagesExpectingError(content);
        Assert.Contains("magic number is 0x00000801", error.Message);
        Assert.Contains("expected 0x00000803", error.Message);
    }

    [Fact]
    public void Non_gzip_data_with_a_gz_name_is_reported()
    {
        var error = ReadImagesExpectingError(ValidImagesFile(), "images-idx3-ubyte.gz");
        Assert.Contains("not gzip data", error.Message);
    }

    [Fact]
    public void A_label_out_of_range_is_reported_with_its_index()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("labels-idx1-ubyte");
        IdxFile.WriteLabels(path, [1, 2, 10, 3]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.ReadLabels(path));
        Assert.Contains("label 10 at index 2", error.Message);
        Assert.Contains("0..9", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_by_name()
    {
        var error = Assert.Throws<FileNotFoundException>(() => IdxFile.ReadLabels("/nonexistent/labels-idx1-ubyte"));
        Assert.Contains("/nonexistent/labels-idx1-ubyte", error.Message);
    }

    [Fact]
    public void An_image_and_label_count_mismatch_is_reported()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Path, trainCount: 5);
        IdxFile.WriteLabels(folder.Combine("train-labels-idx1-ubyte.gz"), [1, 2, 3, 4]);
        var error = Assert.Throws<InvalidDataException>(() => FashionMnist.LoadFolder(folder.Path, "tiny"));
        Assert.Contains("5 images", error.Message);
        Assert.Contains("4 labels", error.Message);
    }

    [Fact]
    public void Gzip_files_written_by_the_kit_are_standard_gzip()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("l-idx1-ubyte.gz");
        IdxFile.WriteLabels(path, [7, 8]);
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        gzip.CopyTo(raw);
        Assert.Equal([0, 0, 8, 1, 0, 0, 0, 2, 7, 8], raw.ToArray());
    }

    [Fact]
    public void Mnist_loads_from_a_folder_with_the_same_reader_and_digit_names()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Path, trainCount: 12, gzip: false);
        var mnist = Mnist.LoadFolder(folder.Path);
        Assert.Equal("MNIST", mnist.Name);
        Assert.Equal(12, mnist.Train.Count);
        Assert.Equal("7", mnist.ClassNames[7]);
    }
}
