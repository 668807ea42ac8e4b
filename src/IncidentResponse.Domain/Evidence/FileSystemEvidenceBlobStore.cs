using System.Globalization;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Blobs as files in one directory, named by id. A blob is written to a hidden ".partial" file in the same directory
/// and renamed into place on commit, so a reader never sees half a file; an uncommitted one is deleted on dispose.
/// On Unix the directory is created owner-only (0700) and files owner read/write (0600).
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
    /// Deletes partial files left by a process that stopped mid-write, when last written before
    /// <paramref name="olderThanUtc"/>. Returns how many it deleted.
    /// </summary>
    public int DeleteAbandonedPartials(DateTime olderThanUtc)
    {
        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(_root, "*" + PartialExtension))
        {
            if (File.GetLastWriteTimeUtc(path) < olderThanUtc)
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    private string PathFor(Guid blobId)
    {
        if (blobId == Guid.Empty)
        {
            throw new ArgumentException("A blob id cannot be empty.", nameof(blobId));
        }

        return Path.Combine(_root, blobId.ToString("N", CultureInfo.InvariantCulture) + BlobExtension);
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
            await _stream.DisposeAsync();
            File.Move(_partialPath, _finalPath, overwrite: false);
            _committed = true;
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
}
