namespace ValueChain;

/// <summary>
/// The stable error codes carried by <see cref="ValueChainException.Code"/>. Codes never change
/// meaning once published; new ones are only added.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Input text or bytes are malformed (bad hex, wrong length, bad checksum, out of range).</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>A signature is malformed, out of range, or does not verify.</summary>
    public const string InvalidSignature = "invalid_signature";

    /// <summary>A key is malformed or outside the curve's range.</summary>
    public const string InvalidKey = "invalid_key";

    /// <summary>A keystore could not be decrypted with the given password.</summary>
    public const string WrongPassword = "wrong_password";

    /// <summary>A keystore file is malformed or uses an unsupported cipher or key derivation.</summary>
    public const string InvalidKeystore = "invalid_keystore";

    /// <summary>The SDK is configured inconsistently (for example, no ledger driver).</summary>
    public const string Configuration = "configuration";

    /// <summary>The transaction's signature does not match its sender.</summary>
    public const string BadTransactionSignature = "bad_transaction_signature";

    /// <summary>The transaction's nonce was already used by its sender.</summary>
    public const string NonceReplayed = "nonce_replayed";

    /// <summary>The transaction's nonce skips ahead of the sender's next nonce.</summary>
    public const string NonceGap = "nonce_gap";

    /// <summary>The transaction was signed for another ledger network.</summary>
    public const string WrongNetwork = "wrong_network";

    /// <summary>A query tried to write state or emit an event.</summary>
    public const string ReadOnly = "read_only";

    /// <summary>The sender is not a member of the ledger's network.</summary>
    public const string UnknownSender = "unknown_sender";

    /// <summary>No chaincode with that name is deployed.</summary>
    public const string UnknownChaincode = "unknown_chaincode";

    /// <summary>The chaincode has no function with that name.</summary>
    public const string UnknownFunction = "unknown_function";

    /// <summary>The caller's role does not allow the operation.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The requested object does not exist.</summary>
    public const string NotFound = "not_found";

    /// <summary>A block a content-store operation needs is not in the store.</summary>
    public const string ContentNotFound = "content_not_found";

    /// <summary>A block's bytes do not match its content id, or a node contradicts the DAG it belongs to.</summary>
    public const string ContentCorrupted = "content_corrupted";

    /// <summary>The operation conflicts with the current state (already exists, wrong stage).</summary>
    public const string Conflict = "conflict";

    /// <summary>A chaincode failed for a reason it did not classify.</summary>
    public const string ChaincodeFailed = "chaincode_failed";

    /// <summary>A smart contract reverted with a reason string, a panic, or data no known error matches.</summary>
    public const string ContractReverted = "contract_reverted";

    /// <summary>A node (a ledger node, or a Kubo node behind the content store) answered a request with an error.</summary>
    public const string NodeError = "node_error";

    /// <summary>A node (a ledger node, or a Kubo node behind the content store) could not be reached or did not answer in time.</summary>
    public const string NodeUnavailable = "node_unavailable";

    /// <summary>A stored ledger does not verify (a hash, root or signature does not match).</summary>
    public const string LedgerCorrupted = "ledger_corrupted";

    /// <summary>A signed query's signature does not match its reader (or covers other data: another chaincode, function or arguments).</summary>
    public const string BadQuerySignature = "bad_query_signature";

    /// <summary>A signed query's timestamp lies outside the window the ledger accepts (too old, or ahead of ledger time).</summary>
    public const string StaleQuery = "stale_query";

    /// <summary>An account holds fewer tokens than the operation moves.</summary>
    public const string InsufficientBalance = "insufficient_balance";

    /// <summary>A spender's allowance is smaller than the amount it moves.</summary>
    public const string InsufficientAllowance = "insufficient_allowance";

    /// <summary>The operation waits for a deadline in ledger time that has not passed yet (for example a refund of an escrow).</summary>
    public const string DeadlineNotReached = "deadline_not_reached";
}
