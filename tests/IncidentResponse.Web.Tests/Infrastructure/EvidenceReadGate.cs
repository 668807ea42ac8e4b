using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Holds the app's reads of evidence files from the n-th on, until released or until the reader's own cancellation
/// fires: a test can stop a long piece of work (a binder being printed) at a known point and act on it meanwhile.
/// A fixture that sets <c>GatesEvidenceReads</c> has its app read evidence through it; it lets every read through
/// until <see cref="HoldFromRead"/>.
/// </summary>
public sealed class EvidenceReadGate
{
    private readonly Lock _lock = new();
    private int _reads;
    private int _holdFrom = int.MaxValue;
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a read has been held.</summary>
    public Task Held
    {
        get
        {
            lock (_lock)
            {
                return _held.Task;
            }
        }
    }

    /// <summary>Counts reads afresh and holds the <paramref name="read"/>-th and every one after it.</summary>
    public void HoldFromRead(int read)
    {
        lock (_lock)
        {
            _reads = 0;
            _holdFrom = read;
            _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets the reads held now go on, and holds the next one and every one after it.</summary>
    public void ReleaseAndHoldNext()
    {
        lock (_lock)
        {
            _release.TrySetResult();
            _holdFrom = _reads + 1;
            _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Lets held reads go on and stops holding.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _holdFrom = int.MaxValue;
            _release.TrySetResult();
        }
    }

    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (_lock)
        {
            if (++_reads < _holdFrom)
            {
                return;
            }

            _held.TrySetResult();
            wait = _release.Task;
        }

        await wait.WaitAsync(cancellationToken);
    }

    /// <summary>The app's evidence store with every read passing the gate first.</summary>
    internal sealed class Store(IEvidenceBlobStore inner, EvidenceReadGate gate) : IEvidenceBlobStore
    {
        public Task<IPendingEvidenceBlob> CreateAsync(CancellationToken cancellationToken = default) => inner.CreateAsync(cancellationToken);

        public async Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken = default)
        {
            await gate.PassAsync(cancellationToken);
            return await inner.OpenReadAsync(blobId, cancellationToken);
        }

        public Task DeleteAsync(Guid blobId, CancellationToken cancellationToken = default) => inner.DeleteAsync(blobId, cancellationToken);
    }
}
