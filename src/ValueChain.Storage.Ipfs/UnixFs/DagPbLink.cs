using ValueChain.Storage.Ipfs.Multiformats;

namespace ValueChain.Storage.Ipfs.UnixFs;

/// <summary>One link of a dag-pb node: the child's CID, its name and the cumulative size of its DAG.</summary>
internal sealed record DagPbLink(Cid Hash, string Name, ulong TotalSize);
