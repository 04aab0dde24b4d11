using ValueChain.Cryptography;

namespace ValueChain.Chaincode.Tests;

/// <summary>What one call did: its error code (null when it succeeded) and the token transfers it made.</summary>
internal sealed record Outcome(string? Code, IReadOnlyList<TokenTransfer> Transfers)
{
    public bool Succeeded => Code is null;
}

/// <summary>
/// The blocks' test application on one ledger: the C# chaincode on the embedded ledger, or the Solidity
/// probe on anvil. Actors are the same keys on both; the escrow's account is the chaincode's derived
/// account or the probe contract.
/// </summary>
internal abstract class BlocksUnderTest : IAsyncDisposable
{
    /// <summary>The keys of the tests, by index: 0 and 1 genesis admins (Buyer, Seller), 2 a Buyer, 3 a Seller, 4 and 5 outsiders.</summary>
    public static IReadOnlyList<PrivateKey> Keys { get; } =
        [.. Enumerable.Range(0, 6).Select(i => PrivateKey.FromBytes(Keccak256.Hash(System.Text.Encoding.UTF8.GetBytes("blocks test key " + i)).ToArray()))];

    public static IReadOnlyList<Address> Actors { get; } = [.. Keys.Select(k => k.Address)];

    /// <summary>The genesis members: two admins and one Buyer and one Seller; invitations need two approvals.</summary>
    public static MembershipRules Rules(DateTimeOffset joinedAt, int approvals = 2) => new(
        approvals,
        BlocksChaincode.Roles,
        [
            new ConsortiumMember(Actors[0], "OEM Stuttgart", "Buyer", true, joinedAt, null),
            new ConsortiumMember(Actors[1], "Supplier Graz", "Seller", true, joinedAt, null),
            new ConsortiumMember(Actors[2], "OEM Wolfsburg", "Buyer", false, joinedAt, null),
            new ConsortiumMember(Actors[3], "Supplier Brno", "Seller", false, joinedAt, null),
        ]);

    /// <summary>The account that holds the escrowed tokens on this ledger.</summary>
    public abstract Address EscrowAccount { get; }

    public abstract Task<Outcome> MintAsync(int caller, Address to, UInt256 amount);

    public abstract Task<Outcome> TransferAsync(int caller, Address to, UInt256 amount);

    public abstract Task<Outcome> ApproveAsync(int caller, Address spender, UInt256 amount);

    public abstract Task<Outcome> TransferFromAsync(int caller, Address from, Address to, UInt256 amount);

    /// <summary>The caller locks its tokens for <paramref name="payee"/>, refundable <paramref name="refundableIn"/> after the ledger's time now.</summary>
    public abstract Task<Outcome> LockAsync(int caller, string id, Address payee, UInt256 amount, TimeSpan refundableIn);

    public abstract Task<Outcome> ReleaseAsync(int caller, string id);

    public abstract Task<Outcome> RefundAsync(int caller, string id);

    public abstract Task<Outcome> InviteAsync(int caller, Address invitee, string name, int role, bool grantAdmin);

    public abstract Task<Outcome> ApproveInvitationAsync(int caller, Address invitee);

    public abstract Task<Outcome> RevokeAsync(int caller, Address member);

    public abstract Task AdvanceAsync(TimeSpan duration);

    public abstract Task<UInt256> BalanceOfAsync(Address owner);

    public abstract Task<UInt256> AllowanceAsync(Address owner, Address spender);

    public abstract Task<UInt256> TotalSupplyAsync();

    public abstract Task<EscrowHoldings> HoldingsAsync();

    /// <summary>The escrow's status, or null when there is none.</summary>
    public abstract Task<EscrowStatus?> StatusAsync(string id);

    /// <summary>The member's (role number, admin right, active), or null when the address never joined.</summary>
    public abstract Task<(int Role, bool IsAdmin, bool IsActive)?> MemberAsync(Address address);

    public abstract ValueTask DisposeAsync();
}
