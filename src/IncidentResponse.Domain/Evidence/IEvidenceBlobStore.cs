namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Where sealed evidence files live. It only ever sees ciphertext from <see cref="EvidenceVault"/>; the keys and
/// hashes are kept in the database beside the blob id.
/// </summary>
public interface IEvidenceBlobStore
{
    /// <summary>
    /// Starts writing a new blob under a new id. Nothing is readable under that id until
    /// <see cref="IPendingEvidenceBlob.CommitAsync"/>; disposing it without committing discards what was written.
    /// </summary>
    Task<IPendingEvidenceBlob> CreateAsync(CancellationToken cancellationToken = default);

    /// <exception cref="FileNotFoundException">No committed blob has that id.</exception>
    Task<Stream> OpenReadAsync(Guid blobId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a committed blob; deleting one that does not exist is not an error.</summary>
    Task DeleteAsync(Guid blobId, CancellationToken cancellationToken = default);
}

/// <summary>A blob being written. Commit it on success; dispose it in every case.</summary>
public interface IPendingEvidenceBlob : IAsyncDisposable
{
    Guid BlobId { get; }

    /// <summary>Where to write the ciphertext.</summary>
    Stream Content { get; }

    /// <summary>Makes the blob durable and readable under <see cref="BlobId"/>, all at once.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
