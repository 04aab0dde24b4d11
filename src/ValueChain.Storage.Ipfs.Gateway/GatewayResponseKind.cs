namespace ValueChain.Storage.Ipfs.Gateway;

/// <summary>The kinds of response the gateway gives.</summary>
internal enum GatewayResponseKind
{
    /// <summary>One verifiable block, <c>application/vnd.ipld.raw</c>.</summary>
    Raw,

    /// <summary>A verifiable CAR v1 stream, <c>application/vnd.ipld.car</c>.</summary>
    Car,

    /// <summary>The file's bytes, verified here, for browsers and plain HTTP clients.</summary>
    File,

    /// <summary>Nothing: the request asks for what is not served.</summary>
    Refused,
}
