namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>The multihash functions a <see cref="Cid"/> may use.</summary>
#pragma warning disable CA1028 // Multihash codes are unsigned varints; the enum mirrors the table.
public enum MultihashCode : ulong
#pragma warning restore CA1028
{
    /// <summary>Identity (0x00): the digest is the content itself (inline CIDs for tiny blocks).</summary>
    Identity = 0x00,

    /// <summary>SHA2-256 (0x12) with a 32-byte digest.</summary>
    Sha256 = 0x12,
}
