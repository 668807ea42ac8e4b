using System.Globalization;
using System.Runtime.InteropServices;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Blobs as files in one directory, named by id. A blob is written to a hidden ".partial" file in the same directory
/// and renamed into place on commit, so a reader never sees half a file; an uncommitted one is deleted on dispose.
/// Commit flushes the file to disk, renames it, then (on Linux and macOS) flushes the directory too, so the new name
/// survives a power cut. The writer holds an exclusive lock on its partial file until the rename, which tells a sweep
/// an upload in progress from one a stopped process left. On Unix the directory is created owner-only (0700) and files owner read/write (0600).
/// </summary>
public sealed class FileSystemEvidenceBlobStore : IEvidenceBlobStore
{
    private const string BlobExtension = ".blob";
    private const string PartialExtension = ".partial";

    private readonly string _root;

    public FileSystemEvidenceBlobStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_root);
        }
        else
        {
            Directory.CreateDirectory(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string RootDirectory => _root;

    public Task<IPendingEvidenceBlob> CreateAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var blobId = Guid.NewGuid();
        var partialPath = Path.Combine(_root, string.Create(
            CultureInfo.InvariantCulture, $".{blobId:N}.{Guid.NewGuid():N}{PartialExtension}"));
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var stream = new FileStream(partialPath, options);
        return Task.FromResult<IPendingEvidenceBlob>(new PendingBlob(blobId, stream, partialPath, PathFor(blobId)));
    }

    public Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stream = new FileStream(PathFor(blobId), new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
        return Task.FromResult<Stream>(stream);
    }

    public Task DeleteAsync(Guid blobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        File.Delete(PathFor(blobId));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes partial files left by a process that stopped mid-write: every one last written before
    /// <paramref name="olderThanUtc"/>, and (where the file system honours locks) every one no live upload holds.
    /// A writer holds an exclusive lock on its partial file from creation until it is renamed into place, so a
    /// partial nobody holds was left by a process that is gone: killed, crashed, or its machine restarted. The lock
    /// is advisory (flock on Linux and macOS), held across processes and, on NFS, across machines; where the file
    /// system ignores locks, only the age counts. Returns how many it deleted.
    /// </summary>
    public int DeleteAbandonedPartials(DateTime olderThanUtc)
    {
        var locksWork = LocksAreHonoured();
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_root, "*" + PartialExtension))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc || (locksWork && NoWriterHolds(path)))
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Whether an exclusive open of a file another handle holds exclusively fails here (it does on local Linux file systems).</summary>
    private bool LocksAreHonoured()
    {
        if (OperatingSystem.IsWindows() || AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled
            || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true")
        {
            return false;
        }

        var probe = Path.Combine(_root, string.Create(CultureInfo.InvariantCulture, $".lock-probe.{Guid.NewGuid():N}"));
        try
        {
            using var held = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            return !NoWriterHolds(probe);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    private static bool NoWriterHolds(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            // Held by a writer (EWOULDBLOCK), or gone meanwhile (committed or cleaned up by its writer).
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The ids of committed blobs last written before <paramref name="olderThanUtc"/>: the candidates for a sweep of
    /// blobs no evidence row refers to. Files that are not blobs (partials, anything else) are not listed.
    /// </summary>
    public IEnumerable<Guid> CommittedBlobIds(DateTime olderThanUtc)
    {
        foreach (var path in Directory.EnumerateFiles(_root, "*" + BlobExtension))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(path), "N", out var blobId)
                && blobId != Guid.Empty
                && string.Equals(Path.GetFileName(path), blobId.ToString("N", CultureInfo.InvariantCulture) + BlobExtension, StringComparison.Ordinal)
                && File.GetLastWriteTimeUtc(path) < olderThanUtc)
            {
                yield return blobId;
            }
        }
    }

    private string PathFor(Guid blobId)
    {
        if (blobId == Guid.Empty)
        {
            throw new ArgumentException("A blob id cannot be empty.", nameof(blobId));
        }

        return Path.Combine(_root, blobId.ToString("N", CultureInfo.InvariantCulture) + BlobExtension);
    }

    /// <summary>
    /// Flushes a directory's entries (a rename into it) to disk. Only Linux and macOS allow opening a directory for
    /// this; elsewhere, and on file systems that do not support it (EINVAL), the rename is as durable as the OS makes it.
    /// </summary>
    private static void FlushDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var handle = NativeMethods.Open(System.Text.Encoding.UTF8.GetBytes(directory + "\0"), 0);
        if (handle < 0)
        {
            throw new IOException($"The evidence directory could not be opened to flush it (error {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.FSync(handle) != 0 && Marshal.GetLastPInvokeError() is var error && error != NativeMethods.EINVAL)
            {
                throw new IOException($"The evidence directory could not be flushed to disk (error {error}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(handle);
        }
    }

    private sealed class PendingBlob : IPendingEvidenceBlob
    {
        private readonly FileStream _stream;
        private readonly string _partialPath;
        private readonly string _finalPath;
        private bool _committed;
        private bool _disposed;

        public PendingBlob(Guid blobId, FileStream stream, string partialPath, string finalPath)
        {
            BlobId = blobId;
            _stream = stream;
            _partialPath = partialPath;
            _finalPath = finalPath;
        }

        public Guid BlobId { get; }

        public Stream Content => _stream;

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_committed)
            {
                throw new InvalidOperationException("This blob has already been committed.");
            }

            await _stream.FlushAsync(cancellationToken);
            _stream.Flush(flushToDisk: true);
            if (OperatingSystem.IsWindows())
            {
                // Windows renames no file that is open without FileShare.Delete.
                await _stream.DisposeAsync();
                File.Move(_partialPath, _finalPath, overwrite: false);
            }
            else
            {
                // Renamed while its lock is still held, so a sweep never finds it unheld under its partial name.
                File.Move(_partialPath, _finalPath, overwrite: false);
                await _stream.DisposeAsync();
            }

            _committed = true;
            FlushDirectory(Path.GetDirectoryName(_finalPath)!);
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _stream.DisposeAsync();
            if (!_committed)
            {
                File.Delete(_partialPath);
            }
        }
    }

    private static class NativeMethods
    {
        public const int EINVAL = 22;

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] nullTerminatedUtf8Path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int FSync(int descriptor);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Close(int descriptor);
    }
}
