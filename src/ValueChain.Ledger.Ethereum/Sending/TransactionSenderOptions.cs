using Microsoft.Extensions.Logging;

namespace ValueChain.Ledger.Ethereum;

/// <summary>Settings of <see cref="TransactionSender"/>.</summary>
public sealed class TransactionSenderOptions
{
    /// <summary>The chain id transactions are signed for (EIP-155).</summary>
    public ulong ChainId { get; set; }

    /// <summary>How long to wait for a receipt before checking whether the node dropped the transaction. Default 60 s.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest pause between receipt polls; polling starts right after a send and backs off from 1 ms to this. Default 25 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Blocks on top of the transaction's block before it counts as final. Default 0.</summary>
    public int Confirmations { get; set; }

    /// <summary>
    /// How long the account may stop advancing, with its next transaction pending, before that transaction
    /// is replaced with fees raised by 12.5 %. Default 30 s; a few seconds suit a dev chain that mines at once.
    /// </summary>
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often one stalled transaction is replaced. Default 3.</summary>
    public int StallReplacements { get; set; } = 3;

    /// <summary>How often a dropped transaction is sent again under a fresh nonce. Default 2.</summary>
    public int DroppedResends { get; set; } = 2;

    /// <summary>How a batch of consecutive nonces is handed to the node. Default <see cref="BatchRelease.Auto"/>.</summary>
    public BatchRelease BatchRelease { get; set; } = BatchRelease.Auto;

    /// <summary>Where the sender logs refusals, nonce resynchronisations, stall replacements and resends; nothing is logged when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}

/// <summary>No receipt arrived in time and the node still knows the transaction (it may yet be mined).</summary>
public sealed class ReceiptTimeoutException : ValueChainException
{
    /// <summary>Creates the error.</summary>
    public ReceiptTimeoutException(Hash32 transactionHash, TimeSpan waited)
        : base(ErrorCodes.NodeUnavailable, $"No receipt for {transactionHash} within {waited.TotalSeconds:0.###} s; the node still holds it as pending.")
    {
        TransactionHash = transactionHash;
    }

    /// <summary>The transaction waited for.</summary>
    public Hash32 TransactionHash { get; }
}
