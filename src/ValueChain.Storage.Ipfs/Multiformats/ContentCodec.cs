namespace ValueChain.Storage.Ipfs.Multiformats;

/// <summary>The multicodecs a <see cref="Cid"/> may name as its content type.</summary>
#pragma warning disable CA1028 // Multicodec codes are unsigned varints; the enum mirrors the table.
public enum ContentCodec : ulong
#pragma warning restore CA1028
{
    /// <summary>Raw bytes (0x55): the block is the content.</summary>
    Raw = 0x55,

    /// <summary>A dag-pb node (0x70), as UnixFS uses for files and directories.</summary>
    DagPb = 0x70,
}
