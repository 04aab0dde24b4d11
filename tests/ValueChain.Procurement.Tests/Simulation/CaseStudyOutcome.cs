using System.Globalization;
using System.Text;

namespace ValueChain.Procurement.Tests;

/// <summary>
/// What a case-study run decided, as text: counts, every supplier's evaluation and share, every day's ratings and
/// every participant's final balance. Wall times are left out: a faster run must decide exactly the same.
/// </summary>
internal static class CaseStudyOutcome
{
    public static async Task<string> DescribeAsync(ProcurementSimulationResult result, IProcurementContract market, IReadOnlyList<ISigner> signers)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"transactions {result.Transactions} orders {result.Orders} cancelled {result.Cancelled} conserved {result.TokensConserved}\n");
        foreach (ProcurementStageFigures stage in result.Stages)
        {
            text.Append(CultureInfo.InvariantCulture, $"stage {stage.Stage} {stage.Transactions}\n");
        }

        foreach (SupplierOutcome s in result.Suppliers)
        {
            text.Append(CultureInfo.InvariantCulture, $"supplier {s.CompanyId} late {s.LatePercent}% deliveries {s.Evaluation.Deliveries} on time {s.Evaluation.OnTimeDeliveries} failed {s.Evaluation.FailedDeliveries} won {s.OrdersWon} share {s.Share}\n");
        }

        foreach (RatingSample r in result.Ratings)
        {
            text.Append(CultureInfo.InvariantCulture, $"day {r.Day} {r.CompanyId} rate {r.Rate} won {r.OrdersWon}\n");
        }

        foreach (ISigner signer in signers)
        {
            text.Append(CultureInfo.InvariantCulture, $"balance {signer.Address} {await market.BalanceOfAsync(signer.Address)}\n");
        }

        return text.ToString();
    }
}
