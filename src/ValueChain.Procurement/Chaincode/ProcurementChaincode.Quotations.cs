using System.Globalization;
using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Procurement;

public sealed partial class ProcurementChaincode
{
    private static async Task<Quotation> ExistingQuotationAsync(ChaincodeState state, long quotationId) =>
        await state.GetAsync(ProcurementKeys.Quotation(quotationId), Json.Quotation)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no quotation {quotationId}.");

    private static Task<Quotation?> QuotationVersionAsync(ChaincodeState state, VersionArgs args) =>
        state.GetAsync(ProcurementKeys.QuotationVersion(args.QuotationId, args.Version), Json.Quotation);

    /// <summary>The caller as a supplier: a supplier user, or a machine that supplies (with its company).</summary>
    private async Task<(Address Supplier, string CompanyId)> SupplierCallerAsync(ChaincodeState state)
    {
        if (await MachineByAddressAsync(state, state.Context.Caller) is not null)
        {
            Machine machine = await MachineCallerAsync(state);
            return (machine.Address, machine.CompanyId);
        }

        ProcurementUser supplier = await CallerAsync(state, ProcurementRole.Supplier);
        return (supplier.Address, supplier.CompanyId);
    }

    private async Task<string?> CreateQuotationAsync(ChaincodeState state, QuotationTerms terms)
    {
        (Address supplier, string companyId) = await SupplierCallerAsync(state);
        ProcurementValidation.RequireTerms(terms);
        ReadOnlyMemory<byte>? counter = await state.Context.GetStateAsync(ProcurementKeys.QuotationCount);
        long id = (counter is { } raw ? long.Parse(Encoding.UTF8.GetString(raw.Span), CultureInfo.InvariantCulture) : 0) + 1;
        var quotation = new Quotation(id, 1, supplier, companyId, terms.MaterialNumber, terms.PricePerUnit, terms.ValidFrom, terms.ValidUntil, terms.DeliveryTime, state.Context.Timestamp);
        await state.Context.PutStateAsync(ProcurementKeys.QuotationCount, Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture)));
        await SaveQuotationAsync(state, quotation);
        state.Emit(ProcurementEvents.QuotationCreated, quotation, Json.Quotation);
        return Serialize(new QuotationCreated(id), Json.QuotationCreated);
    }

    private async Task<string?> ReviseQuotationAsync(ChaincodeState state, ReviseArgs args)
    {
        (Address supplier, _) = await SupplierCallerAsync(state);
        Quotation current = await ExistingQuotationAsync(state, args.QuotationId);
        if (current.Supplier != supplier)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only {current.Supplier}, who made quotation {current.QuotationId}, may change it.");
        }

        ProcurementValidation.RequireTerms(args.Terms);
        if (args.Terms.MaterialNumber != current.MaterialNumber)
        {
            throw new ChaincodeException(ProcurementErrorCodes.FrozenField, $"materialNumber: quotation {current.QuotationId} is binding; its material '{current.MaterialNumber}' cannot change (only the price and the validity window can).");
        }

        if (args.Terms.DeliveryTime != current.DeliveryTime)
        {
            throw new ChaincodeException(ProcurementErrorCodes.FrozenField, $"deliveryTime: quotation {current.QuotationId} is binding; its delivery time {current.DeliveryTime} cannot change (only the price and the validity window can).");
        }

        if (args.Terms.PricePerUnit == current.PricePerUnit && args.Terms.ValidFrom == current.ValidFrom && args.Terms.ValidUntil == current.ValidUntil)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The revision of quotation {current.QuotationId} changes nothing; a new version needs a new price or validity window.");
        }

        Quotation next = current with
        {
            Version = current.Version + 1,
            PricePerUnit = args.Terms.PricePerUnit,
            ValidFrom = args.Terms.ValidFrom,
            ValidUntil = args.Terms.ValidUntil,
            RecordedAt = state.Context.Timestamp,
        };
        await SaveQuotationAsync(state, next);
        state.Emit(ProcurementEvents.QuotationRevised, next, Json.Quotation);
        return null;
    }

    private static async Task SaveQuotationAsync(ChaincodeState state, Quotation quotation)
    {
        await state.PutAsync(ProcurementKeys.Quotation(quotation.QuotationId), quotation, Json.Quotation);
        await state.PutAsync(ProcurementKeys.QuotationVersion(quotation.QuotationId, quotation.Version), quotation, Json.Quotation);
    }

    // Approval is per company and survives revisions: buyers approve the supplier's binding offer; an order names the version it ranked.
    private async Task<string?> SetApprovalAsync(ChaincodeState state, long quotationId, bool approve)
    {
        ProcurementUser buyer = await CallerAsync(state, ProcurementRole.Buyer);
        Quotation quotation = await ExistingQuotationAsync(state, quotationId);
        string key = ProcurementKeys.Approval(buyer.CompanyId, quotation.QuotationId);
        if (await state.ExistsAsync(key) == approve)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Quotation {quotationId} is {(approve ? "already" : "not")} approved for company {buyer.CompanyId}.");
        }

        var approval = new QuotationApproval(quotation.QuotationId, buyer.CompanyId, buyer.Address, approve ? QuotationStatus.Approved : QuotationStatus.NotApproved, state.Context.Timestamp);
        if (approve)
        {
            await state.PutAsync(key, approval, Json.QuotationApproval);
        }
        else
        {
            await state.DeleteAsync(key);
        }

        state.Emit(approve ? ProcurementEvents.QuotationApproved : ProcurementEvents.ApprovalWithdrawn, approval, Json.QuotationApproval);
        return null;
    }

    private static async Task<QuotationStatus> ApprovalStatusAsync(ChaincodeState state, ApprovalArgs args)
    {
        ProcurementValidation.RequireId(args.CompanyId, "companyId");
        return await state.ExistsAsync(ProcurementKeys.Approval(args.CompanyId, args.QuotationId)) ? QuotationStatus.Approved : QuotationStatus.NotApproved;
    }

    /// <summary>The latest versions of the quotations approved for a company, for a material, valid at ledger time: what its machines rank.</summary>
    private static async Task<List<Quotation>> SelectableAsync(ChaincodeState state, SelectableArgs args)
    {
        ProcurementValidation.RequireId(args.CompanyId, "companyId");
        ProcurementValidation.RequireId(args.MaterialNumber, "materialNumber");
        var selectable = new List<Quotation>();
        foreach (QuotationApproval approval in await state.ValuesUnderAsync(Json.QuotationApproval, "approval", args.CompanyId))
        {
            Quotation quotation = await ExistingQuotationAsync(state, approval.QuotationId);
            if (quotation.MaterialNumber == args.MaterialNumber && quotation.IsValidAt(state.Context.Timestamp))
            {
                selectable.Add(quotation);
            }
        }

        return selectable;
    }
}
