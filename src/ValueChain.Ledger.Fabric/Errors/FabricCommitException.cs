namespace ValueChain.Ledger.Fabric;

/// <summary>
/// A transaction was ordered into a block but the peers marked it invalid (for example an MVCC read
/// conflict or an endorsement policy failure): none of its writes took effect.
/// </summary>
public sealed class FabricCommitException : FabricException
{
    /// <summary>The code of invalidated transactions.</summary>
    public const string ErrorCode = "fabric_transaction_invalid";

    /// <summary>Creates the error.</summary>
    public FabricCommitException(string transactionId, string peer, long blockNumber, int validationCode, string validationCodeName)
        : base(ErrorCode, peer, validationCode, validationCodeName, $"Transaction {transactionId} was committed in block {blockNumber} as invalid: {validationCodeName} ({validationCode})")
    {
        TransactionId = transactionId;
        BlockNumber = blockNumber;
    }

    /// <summary>The invalidated transaction.</summary>
    public string TransactionId { get; }

    /// <summary>The block that holds it.</summary>
    public long BlockNumber { get; }
}
