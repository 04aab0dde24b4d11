using System.Text;
using ValueChain.Chaincode;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

// Users are the shared ConsortiumMembership block (roles by ProcurementRole's names; marketplace admins and company
// admins hold its admin right); the company of each user and companies themselves are kept beside it.
public sealed partial class ProcurementChaincode
{
    private async Task<Company?> CompanyAsync(ChaincodeState state, string companyId)
    {
        ProcurementValidation.RequireId(companyId, "companyId");
        return await state.GetAsync(ProcurementKeys.Company(companyId), Json.Company) ?? _genesisCompanies.GetValueOrDefault(companyId);
    }

    private async Task<string?> UserCompanyAsync(ChaincodeState state, Address user)
    {
        ReadOnlyMemory<byte>? stored = await state.Context.GetStateAsync(ProcurementKeys.UserCompany(user));
        return stored is { } value ? Encoding.UTF8.GetString(value.Span) : _genesisUserCompanies.GetValueOrDefault(user);
    }

    private async Task<ProcurementUser?> UserAsync(ChaincodeState state, Address address) =>
        await _membership.MemberAsync(state.Context, address) is { } member && await UserCompanyAsync(state, address) is { } company
            ? ToUser(member, company)
            : null;

    private async Task<UserInvitation?> InvitationAsync(ChaincodeState state, Address invitee)
    {
        ConsortiumInvitation? invitation = await _membership.InvitationAsync(state.Context, invitee);
        InvitedCompany? company = await state.GetAsync(ProcurementKeys.InvitedCompany(invitee), Json.InvitedCompany);
        return invitation is null || company is null
            ? null
            : new UserInvitation(invitation.Invitee, invitation.Name, Enum.Parse<ProcurementRole>(invitation.Role), company.CompanyId, company.CompanyName, invitation.InvitedBy, invitation.Approvals,
                invitation.Status == ConsortiumInvitationStatus.Accepted ? InvitationStatus.Accepted : InvitationStatus.Pending);
    }

    /// <summary>The caller as an active user of an active company with one of <paramref name="roles"/> (any when none).</summary>
    private async Task<ProcurementUser> CallerAsync(ChaincodeState state, params ProcurementRole[] roles)
    {
        ConsortiumMember member = await _membership.RequireCallerAsync(state.Context, [.. roles.Select(r => r.ToString())]);
        string companyId = (await UserCompanyAsync(state, member.Address))!;
        Company company = (await CompanyAsync(state, companyId))!;
        return company.IsActive
            ? ToUser(member, companyId)
            : throw new ChaincodeException(ErrorCodes.Unauthorized, $"{member.Name}'s company {companyId} was removed from the marketplace at {company.RemovedAt:O}.");
    }

    private async Task<string?> InviteAsync(ChaincodeState state, InviteArgs args)
    {
        ProcurementUser admin = await CallerAsync(state, ProcurementRole.MarketplaceAdmin, ProcurementRole.Admin);
        ProcurementValidation.RequireId(args.CompanyId, "companyId");
        if (!Enum.IsDefined(args.Role))
        {
            throw ProcurementValidation.Invalid("role", $"{args.Role} is not a role: use one of {string.Join(", ", Enum.GetNames<ProcurementRole>())}.");
        }

        bool marketplaceAdmin = admin.Role == ProcurementRole.MarketplaceAdmin;
        if (args.Role == ProcurementRole.MarketplaceAdmin && !marketplaceAdmin)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only marketplace admins invite marketplace admins; {admin.Name} is a company admin.");
        }

        Company? company = await CompanyAsync(state, args.CompanyId);
        if (company is null)
        {
            // A new company joins by the invitation of its first user, which only a marketplace admin makes.
            if (!marketplaceAdmin)
            {
                throw new ChaincodeException(ErrorCodes.Unauthorized, $"Company {args.CompanyId} is not in the marketplace; only marketplace admins bring in companies.");
            }

            if (!ProcurementValidation.IsValidName(args.CompanyName))
            {
                throw ProcurementValidation.Invalid("companyName", $"a new company {args.CompanyId} needs a name of 1 to 200 UTF-8 bytes.");
            }
        }
        else if (!company.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Company {args.CompanyId} was removed from the marketplace.");
        }
        else if (!marketplaceAdmin && company.CompanyId != admin.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{admin.Name} administers company {admin.CompanyId}, not {company.CompanyId}.");
        }

        if (await state.ExistsAsync(ProcurementKeys.MachineByAddress(args.Invitee)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Invitee} is a machine's key; machines are registered by service engineers, not invited.");
        }

        bool grantAdmin = args.Role is ProcurementRole.MarketplaceAdmin or ProcurementRole.Admin;
        await state.PutAsync(ProcurementKeys.InvitedCompany(args.Invitee), new InvitedCompany(args.CompanyId, company is null ? args.CompanyName : null), Json.InvitedCompany);
        ConsortiumInvitation invitation = await _membership.InviteAsync(state.Context, args.Invitee, args.Name, args.Role.ToString(), grantAdmin);
        await JoinIfAcceptedAsync(state, invitation);
        return null;
    }

    private async Task<string?> ApproveInvitationAsync(ChaincodeState state, Address invitee)
    {
        await CallerAsync(state, ProcurementRole.MarketplaceAdmin, ProcurementRole.Admin);
        ConsortiumInvitation invitation = await _membership.ApproveAsync(state.Context, invitee);
        await JoinIfAcceptedAsync(state, invitation);
        return null;
    }

    // With its last approval the invitee belongs to its company, and a company new to the marketplace joins with it.
    private async Task JoinIfAcceptedAsync(ChaincodeState state, ConsortiumInvitation invitation)
    {
        if (invitation.Status != ConsortiumInvitationStatus.Accepted)
        {
            return;
        }

        InvitedCompany invited = (await state.GetAsync(ProcurementKeys.InvitedCompany(invitation.Invitee), Json.InvitedCompany))!;
        Company? company = await CompanyAsync(state, invited.CompanyId);
        if (company is null)
        {
            company = new Company(invited.CompanyId, invited.CompanyName!, state.Context.Timestamp, null, SupplierEvaluation.None);
            await state.PutAsync(ProcurementKeys.Company(company.CompanyId), company, Json.Company);
            state.Emit(ProcurementEvents.CompanyJoined, company, Json.Company);
        }
        else if (!company.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Company {company.CompanyId} was removed from the marketplace while the invitation was pending.");
        }

        await state.Context.PutStateAsync(ProcurementKeys.UserCompany(invitation.Invitee), Encoding.UTF8.GetBytes(company.CompanyId));
    }

    private async Task<string?> RevokeAsync(ChaincodeState state, Address target)
    {
        ProcurementUser admin = await CallerAsync(state, ProcurementRole.MarketplaceAdmin, ProcurementRole.Admin);
        if (admin.Role == ProcurementRole.Admin && await UserCompanyAsync(state, target) is { } company && company != admin.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"{admin.Name} administers company {admin.CompanyId}; {target} belongs to {company}.");
        }

        await _membership.RevokeAsync(state.Context, target);
        return null;
    }

    private async Task<string?> RemoveCompanyAsync(ChaincodeState state, string companyId)
    {
        ProcurementUser admin = await CallerAsync(state, ProcurementRole.MarketplaceAdmin);
        Company company = await CompanyAsync(state, companyId) ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no company {companyId}.");
        if (!company.IsActive)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Company {companyId} is already removed.");
        }

        if (company.CompanyId == admin.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, "A marketplace admin cannot remove its own company, so that the marketplace keeps an admin.");
        }

        Company removed = company with { RemovedAt = state.Context.Timestamp };
        await state.PutAsync(ProcurementKeys.Company(companyId), removed, Json.Company);
        state.Emit(ProcurementEvents.CompanyRemoved, removed, Json.Company);
        return null;
    }

    private static ProcurementUser ToUser(ConsortiumMember member, string companyId) =>
        new(member.Address, member.Name, Enum.Parse<ProcurementRole>(member.Role), companyId, member.IsAdmin, member.JoinedAt, member.RevokedAt);
}
