using Microsoft.Extensions.Options;

namespace ValueChain.Ledger.InMemory;

/// <summary>Checks <see cref="InMemoryLedgerOptions"/> at start-up with messages that say what to change.</summary>
public sealed class InMemoryLedgerOptionsValidator : IValidateOptions<InMemoryLedgerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InMemoryLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.NetworkId))
        {
            failures.Add("InMemoryLedgerOptions.NetworkId must not be empty.");
        }

        if (options.MaxBlockTransactions < 1)
        {
            failures.Add($"InMemoryLedgerOptions.MaxBlockTransactions must be at least 1, not {options.MaxBlockTransactions}.");
        }

        if (options.BlockLinger < TimeSpan.Zero)
        {
            failures.Add($"InMemoryLedgerOptions.BlockLinger must not be negative, not {options.BlockLinger}.");
        }

        if (options.QueryValidity <= TimeSpan.Zero)
        {
            failures.Add($"InMemoryLedgerOptions.QueryValidity must be positive (how far a signed query's timestamp may lie from ledger time), not {options.QueryValidity}.");
        }

        if (options.Membership == MembershipMode.Permissioned && options.Admins.Count == 0)
        {
            failures.Add("A permissioned embedded ledger needs at least one admin: add one to InMemoryLedgerOptions.Admins, or set Membership = MembershipMode.Open for a demo or test.");
        }

        if (options.CheckpointInterval < 0)
        {
            failures.Add($"InMemoryLedgerOptions.CheckpointInterval must not be negative (0 writes no checkpoints), not {options.CheckpointInterval}.");
        }

        if (options.CheckpointsToKeep < 1)
        {
            failures.Add($"InMemoryLedgerOptions.CheckpointsToKeep must be at least 1, not {options.CheckpointsToKeep}.");
        }

        if (options.BlockCacheSize < 0)
        {
            failures.Add($"InMemoryLedgerOptions.BlockCacheSize must not be negative, not {options.BlockCacheSize}.");
        }

        if (options.Clock is null)
        {
            failures.Add("InMemoryLedgerOptions.Clock must be set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
