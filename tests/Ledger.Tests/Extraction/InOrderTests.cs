using Ledger.Extraction;
using NUnit.Framework;

namespace Ledger.Tests.Extraction;

public class InOrderTests
{
    [Test]
    public void Hands_results_back_in_the_inputs_order_when_later_inputs_finish_first()
    {
        var inputs = Enumerable.Range(0, 40).ToList();
        // Some inputs take longer than the ones after them, so work finishes out of order.
        var finished = new List<int>();

        var results = InOrder.Select(inputs, i =>
        {
            Thread.Sleep((40 - i) % 5);
            lock (finished) finished.Add(i);
            return i * i;
        }, workers: 4).ToList();

        Assert.That(results, Is.EqualTo(inputs.Select(i => i * i)));
        Assert.That(finished, Is.EquivalentTo(inputs));
    }

    [Test]
    public void Holds_at_most_two_inputs_per_worker_in_flight()
    {
        var inputs = Enumerable.Range(0, 100).ToList();
        var started = 0;
        var mostAhead = 0;
        var handedBack = 0;

        foreach (var _ in InOrder.Select(inputs, i => Interlocked.Increment(ref started), workers: 3))
        {
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref started) - handedBack);
            handedBack++;
        }

        Assert.That(handedBack, Is.EqualTo(100));
        Assert.That(mostAhead, Is.LessThanOrEqualTo(6));
    }

    [Test]
    public void Runs_on_the_calling_thread_with_one_worker()
    {
        var caller = Environment.CurrentManagedThreadId;

        var threads = InOrder.Select([1, 2, 3], _ => Environment.CurrentManagedThreadId, workers: 1).ToList();

        Assert.That(threads, Has.All.EqualTo(caller));
    }

    [Test]
    public void A_failure_surfaces_where_its_result_is_reached()
    {
        var results = new List<int>();

        var failure = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in InOrder.Select([1, 2, 3, 4], i => i == 3 ? throw new InvalidOperationException("three") : i, workers: 2))
                results.Add(r);
        });

        Assert.That(failure!.Message, Is.EqualTo("three"));
        Assert.That(results, Is.EqualTo(new[] { 1, 2 }));
    }
}
