using FluentValidation;

namespace Ledger.Api.Http;

/// <summary>Validates the <typeparamref name="T"/> argument with its FluentValidation validator; a 400 problem lists every invalid field.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A body is needed."] });
        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : TypedResults.ValidationProblem(result.ToDictionary());
    }
}

internal static class Validation
{
    public static RouteHandlerBuilder Validates<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
