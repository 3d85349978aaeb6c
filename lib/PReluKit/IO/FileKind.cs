using System.Runtime.InteropServices;

namespace PReluKit.IO;

/// <summary>
/// What a path is on disk, without following a final symbolic link. .NET's file APIs report a device or a FIFO as an
/// ordinary file, so an atomic rename would replace <c>/dev/null</c> with a regular file; this asks the kernel.
/// </summary>
public static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const int ModeOffset = 28; // struct statx: stx_mode is a u16 at byte 28 on every architecture
    private const int InodeOffset = 32; // and stx_ino a u64 at byte 32
    private const int StatxSize = 256;

    /// <summary>
    /// Null when <paramref name="path"/> does not exist or is a regular file; otherwise what it is, for a message
    /// ("a character device", "a folder", "a symbolic link", …).
    /// </summary>
    public static string? NotRegular(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path) && (File.GetAttributes(path) & FileAttributes.ReparsePoint) == 0)
        {
            return "a folder";
        }

        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere only links are told apart; the kit's native backend is Linux-only.
            return new FileInfo(path).LinkTarget is not null ? "a symbolic link" : null;
        }

        var buffer = new byte[StatxSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            return null; // missing (or unreadable: the write that follows reports why)
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x8000 => null,
            0x4000 => "a folder",
            0xA000 => "a symbolic link",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a named pipe",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    /// <summary>
    /// True when <paramref name="handle"/> is still the file at <paramref name="path"/> (same inode), false when the path
    /// was removed or replaced since it was opened; true where this cannot be told (not Linux).
    /// </summary>
    internal static bool IsStill(Microsoft.Win32.SafeHandles.SafeFileHandle handle, string path)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var (open, named) = (new byte[StatxSize], new byte[StatxSize]);
        if (Statx((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxIno, open) != 0)
        {
            return true;
        }

        return Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxIno, named) == 0 &&
               BitConverter.ToUInt64(open, InodeOffset) == BitConverter.ToUInt64(named, InodeOffset);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
