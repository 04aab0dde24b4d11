namespace ValueChain.Storage.Ipfs.Kubo;

/// <summary>
/// A Kubo node refused an RPC command (<see cref="ErrorCodes.NodeError"/>, carrying Kubo's own message
/// and code) or could not be reached (<see cref="ErrorCodes.NodeUnavailable"/>).
/// </summary>
public sealed class KuboException : ValueChainException
{
    /// <summary>Creates the error for the command <paramref name="command"/>.</summary>
    /// <param name="code">The stable error code: <see cref="ErrorCodes.NodeError"/> or <see cref="ErrorCodes.NodeUnavailable"/>.</param>
    /// <param name="command">The RPC command, for example <c>block/get</c>.</param>
    /// <param name="kuboMessage">Kubo's message (its <c>Message</c> field), or what went wrong on the way.</param>
    /// <param name="kuboCode">Kubo's <c>Code</c> field, or null when the node did not answer with one.</param>
    /// <param name="statusCode">The HTTP status of the answer, or null when there was none.</param>
    /// <param name="innerException">The transport error, if any.</param>
    public KuboException(string code, string command, string kuboMessage, int? kuboCode = null, int? statusCode = null, Exception? innerException = null)
        : base(code, $"The Kubo node refused {command}: {kuboMessage}", innerException)
    {
        Command = command;
        KuboMessage = kuboMessage;
        KuboCode = kuboCode;
        StatusCode = statusCode;
    }

    /// <summary>The RPC command, for example <c>block/get</c>.</summary>
    public string Command { get; }

    /// <summary>Kubo's message, word for word.</summary>
    public string KuboMessage { get; }

    /// <summary>Kubo's error code (0 for a normal error, 1 for a client error), or null.</summary>
    public int? KuboCode { get; }

    /// <summary>The HTTP status Kubo answered with, or null when it did not answer.</summary>
    public int? StatusCode { get; }
}
