namespace ValueChain.Storage.Ipfs.Car;

/// <summary>Which blocks of a DAG a scoped CAR export holds (the trustless gateway's <c>dag-scope</c>).</summary>
internal enum DagScope
{
    /// <summary>The root and every block it reaches.</summary>
    All,

    /// <summary>The blocks needed to read the entity at the root: a whole UnixFS file; the root alone otherwise.</summary>
    Entity,

    /// <summary>The root block alone.</summary>
    Block,
}
