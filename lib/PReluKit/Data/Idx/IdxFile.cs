using System.Buffers.Binary;
using System.IO.Compression;
using PReluKit.IO;

namespace PReluKit.Data.Idx;

/// <summary>
/// Reads and writes the IDX format of MNIST and Fashion-MNIST: <c>idx3</c> images (unsigned bytes, N×rows×cols)
/// and <c>idx1</c> labels (unsigned bytes, N), raw or gzip-compressed (files named <c>*.gz</c>).
/// </summary>
/// <remarks>Every violation of the format throws an <see cref="InvalidDataException"/> naming the file and what was wrong.</remarks>
public static class IdxFile
{
    /// <summary>Magic number of an idx1 unsigned-byte file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Magic number of an idx3 unsigned-byte file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Reads an idx3 image file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Not a well-formed idx3 unsigned-byte file.</exception>
    public static IdxImages ReadImages(string path)
    {
        using var stream = OpenPayload(path);
        var header = Header(stream, path, ImagesMagic, dimensions: 3);
        var (count, rows, columns) = (header[0], header[1], header[2]);
        if (rows == 0 || columns == 0)
        {
            throw Invalid(path, $"image size is {rows}×{columns}; expected both dimensions ≥ 1");
        }

        var pixels = Body(stream, path, (long)count * rows * columns, "pixel");
        return new IdxImages(pixels, count, rows, columns);
    }

    /// <summary>Reads an idx1 label file and checks every label is below <paramref name="classes"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">Not a well-formed idx1 file, or a label out of range.</exception>
    public static byte[] ReadLabels(string path, int classes = 10)
    {
        using var stream = OpenPayload(path);
        var count = Header(stream, path, LabelsMagic, dimensions: 1)[0];
        var labels = Body(stream, path, count, "label");
        var bad = Array.FindIndex(labels, l => l >= classes);
        if (bad >= 0)
        {
            throw Invalid(path, $"label {labels[bad]} at index {bad} is out of range; expected 0..{classes - 1}");
        }

        return labels;
    }

    /// <summary>Writes images as idx3, gzip-compressed when the name ends in <c>.gz</c>, atomically.</summary>
    public static void WriteImages(string path, IdxImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, ImagesMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), images.Count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), images.Rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), images.Columns);
        Write(path, header, images.Pixels);
    }

    /// <summary>Writes labels as idx1, gzip-compressed when the name ends in <c>.gz</c>, atomically.</summary>
    public static void WriteLabels(string path, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, LabelsMagic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), labels.Length);
        Write(path, header, labels);
    }

    /// <summary>Opens the file's uncompressed content: gunzipped for <c>*.gz</c> names, as stored otherwise.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">A <c>.gz</c> name whose content is not gzip data.</exception>
    public static Stream OpenPayload(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"IDX file '{path}' does not exist.", path);
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException($"IDX file '{path}' cannot be read ({e.Message}).", e);
        }

        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return file;
        }

        Span<byte> magic = stackalloc byte[2];
        if (file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != 0x1f || magic[1] != 0x8b)
        {
            file.Dispose();
            throw Invalid(path, "the name ends in .gz but the content is not gzip data");
        }

        file.Position = 0;
        return new GZipStream(file, CompressionMode.Decompress);
    }

    private static int[] Header(Stream stream, string path, int magic, int dimensions)
    {
        var headerLength = 4 + (4 * dimensions);
        var bytes = new byte[headerLength];
        var read = Read(stream, path, bytes);
        if (read < headerLength)
        {
            throw Invalid(path, read == 0
                ? (stream is GZipStream ? "the gzip stream holds no data (empty or truncated)" : "the file is empty")
                : $"the file ends inside the header ({read} of {headerLength} bytes)");
        }

        var actual = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (actual != magic)
        {
            throw Invalid(path, $"magic number is 0x{actual:x8}; expected 0x{magic:x8} ({(magic == ImagesMagic ? "idx3 images" : "idx1 labels")} of unsigned bytes)");
        }

        var sizes = new int[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            sizes[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + (4 * i)));
            if (sizes[i] < 0)
            {
                throw Invalid(path, $"dimension {i} is {sizes[i]}; expected a non-negative size");
            }
        }

        return sizes;
    }

    /// <summary>Reads exactly <paramref name="expected"/> bytes straight into their final array, and checks nothing follows.</summary>
    private static byte[] Body(Stream stream, string path, long expected, string what)
    {
        if (expected > Array.MaxLength)
        {
            throw Invalid(path, $"the header promises {expected:N0} {what} bytes, more than one array can hold");
        }

        var body = GC.AllocateUninitializedArray<byte>((int)expected);
        var actual = Read(stream, path, body);
        if (actual < expected)
        {
            throw Invalid(path, $"the file is truncated: the header promises {expected:N0} {what} bytes but only {actual:N0} follow");
        }

        Span<byte> probe = stackalloc byte[1];
        if (Read(stream, path, probe) > 0)
        {
            throw Invalid(path, $"unexpected bytes follow the {expected:N0} {what} bytes the header promises");
        }

        return body;
    }

    private static int Read(Stream stream, string path, Span<byte> buffer)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(path, $"the gzip data is corrupt ({e.Message})");
        }
        catch (EndOfStreamException e)
        {
            throw Invalid(path, $"the gzip data is truncated ({e.Message})");
        }
    }

    private static void Write(string path, byte[] header, byte[] body) =>
        AtomicFile.Write(path, stream =>
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream.Write(header);
                stream.Write(body);
                return;
            }

            using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
            gzip.Write(header);
            gzip.Write(body);
        });

    private static InvalidDataException Invalid(string path, string what) => new($"IDX file '{path}': {what}.");
}
