namespace ValueChain.Procurement;

/// <summary>One run of the published case study (by default 10 companies, 50 machines, 10 quotations over 10 days).</summary>
/// <param name="Companies">Buying companies; each has a buyer, an engineer and a supplier (the first <paramref name="Quotations"/> of them quote).</param>
/// <param name="Machines">Machines, spread evenly over the companies, each with two material slots.</param>
/// <param name="Quotations">Quotations, alternating between the two materials, each from its own supplier company.</param>
/// <param name="Days">Simulated days; each day every machine consumes, its agent runs, and arrivals are scanned twice.</param>
/// <param name="Seed">The seed of consumption, prices, delivery times and supplier behaviour.</param>
public sealed record ProcurementScenario(int Companies = 10, int Machines = 50, int Quotations = 10, int Days = 10, int Seed = 1);
