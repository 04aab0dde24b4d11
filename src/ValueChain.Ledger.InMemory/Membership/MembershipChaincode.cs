using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace ValueChain.Ledger.InMemory;

/// <summary>
/// The embedded ledger's system chaincode for membership: admins add and remove members, each change
/// a transaction like any other, so the member list is part of the verified history.
/// </summary>
internal sealed class MembershipChaincode : IChaincode
{
    public const string ChaincodeName = "_membership";
    public const string AddMember = "addMember";
    public const string RemoveMember = "removeMember";
    public const string GetRole = "getRole";

    private static readonly byte[] AdminRole = "admin"u8.ToArray();
    private static readonly byte[] MemberRole = "member"u8.ToArray();

    public string Name => ChaincodeName;

    public IReadOnlySet<string> Functions { get; } = new[] { AddMember, RemoveMember, GetRole }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The local key of an address's role.</summary>
    public static string RoleKey(Address address) => "member/" + address.ToLowerHex();

    /// <summary>The genesis writes for the initial admins and members.</summary>
    public static IEnumerable<StateWrite> GenesisWrites(IEnumerable<Address> admins, IEnumerable<Address> members)
    {
        var roles = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (Address member in members)
        {
            roles[StateKeys.Stored(ChaincodeName, RoleKey(member))] = MemberRole;
        }

        foreach (Address admin in admins)
        {
            roles[StateKeys.Stored(ChaincodeName, RoleKey(admin))] = AdminRole;
        }

        return roles.Select(r => new StateWrite(r.Key, r.Value));
    }

    /// <summary>True when the stored state lists <paramref name="address"/> as a member or admin.</summary>
    public static bool IsMember(IStateView state, Address address) =>
        state.Get(StateKeys.Stored(ChaincodeName, RoleKey(address))) is not null;

    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        using JsonDocument arguments = JsonDocument.Parse(argumentsJson);
        Address address = Address.Parse(arguments.RootElement.GetProperty("address").GetString() ?? "");
        if (functionName == GetRole)
        {
            ReadOnlyMemory<byte>? role = await context.GetStateAsync(RoleKey(address), cancellationToken);
            return role is null ? "null" : JsonSerializer.Serialize(Encoding.UTF8.GetString(role.Value.Span));
        }

        ReadOnlyMemory<byte>? callerRole = await context.GetStateAsync(RoleKey(context.Caller), cancellationToken);
        if (callerRole is null || !callerRole.Value.Span.SequenceEqual(AdminRole))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only admins may change membership; {context.Caller} is not an admin.");
        }

        if (functionName == AddMember)
        {
            bool admin = arguments.RootElement.TryGetProperty("admin", out JsonElement flag) && flag.GetBoolean();
            await context.PutStateAsync(RoleKey(address), admin ? AdminRole : MemberRole, cancellationToken);
            context.EmitEvent("MemberAdded", JsonSerializer.Serialize(new { address = address.ToString(), admin }));
            return null;
        }

        if (address == context.Caller)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "An admin cannot remove itself, so that the network always keeps an admin.");
        }

        await context.DeleteStateAsync(RoleKey(address), cancellationToken);
        context.EmitEvent("MemberRemoved", JsonSerializer.Serialize(new { address = address.ToString() }));
        return null;
    }
}
