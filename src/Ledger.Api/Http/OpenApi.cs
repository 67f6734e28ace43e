using Ledger.Domain;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Ledger.Storage;

namespace Ledger.Api.Http;

/// <summary>The OpenAPI document: XML comments for summaries and examples, enums as strings, the API key, totals as the CLI writes them.</summary>
internal static class OpenApi
{
    public const string ApiKeyScheme = "apiKey";

    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Ledger API",
            Version = "v1",
            Description = "Donations read from Chinese-language relief reports: totals that never count a gift twice, every figure traceable to its sentence, audits and chart feeds. Reads are open; writes need the ledger's key in X-Api-Key.\n\n"
                          + "## What the figures mean\n\n" + Ledger.Domain.FigureMeanings.Text,
        });
        foreach (var xml in new[] { "Ledger.Api.xml", "Ledger.Core.xml" })
        {
            var path = Path.Combine(AppContext.BaseDirectory, xml);
            if (File.Exists(path)) options.IncludeXmlComments(path, includeControllerXmlComments: false);
        }
        options.SupportNonNullableReferenceTypes();
        options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKey.Header,
            Description = "The ledger's API key (setting Ledger:ApiKey). Needed for writes only.",
        });
        options.OperationFilter<WriteSecurity>();
        options.MapType<TotalsRow>(TotalsSchema);
    }

    // Writes are marked with the key they need, so Swagger UI sends it.
    private sealed class WriteSecurity : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequired>().Any()) return;
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] }];
        }
    }

    private static OpenApiSchema TotalsSchema()
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["key"] = Field(JsonSchemaType.String, "The group: an organization's id, a kind, a category, a month (yyyy-MM) or a document's name; the members' keys joined by + for a shared group; none for gifts that name no receiver (no goods, no document).", "17"),
            ["name"] = Field(JsonSchemaType.String, "The group's display name (the members' names joined by 、 for a shared group).", "吴庆和"),
        };
        foreach (var (figure, what) in new[]
                 {
                     ("cash", "cash given"), ("goods_value", "declared value of goods given"), ("combined", "figures covering cash and goods together"),
                     ("reported_cash", "cash in reported totals (累计, 共…), never added to the gifts"),
                     ("reported_goods_value", "goods value in reported totals"), ("reported_combined", "combined figures in reported totals"),
                 })
        {
            properties[figure + "_cny"] = Field(JsonSchemaType.Number | JsonSchemaType.Null, $"Yuan of {what}; null when none.", "2000000");
            properties[figure + "_qualifier"] = Qualifier($"How exact {figure}_cny is: a sum that includes a bound is a bound.");
        }
        properties["donations"] = Field(JsonSchemaType.Integer, "Itemised donations counted.", "3");
        properties["reported_totals"] = Field(JsonSchemaType.Integer, "Reported totals kept apart.", "1");
        properties["sources"] = Field(JsonSchemaType.Integer, "Reports of those donations (a gift reported twice has two).", "4");
        properties["items"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Quantities of goods per category and unit.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["category"] = Field(JsonSchemaType.String, "Item category.", "mask"),
                    ["unit"] = Field(JsonSchemaType.String, "Measure word.", "只"),
                    ["quantity"] = Field(JsonSchemaType.Number, "Quantity.", "35000"),
                    ["qualifier"] = Qualifier("How exact the quantity is."),
                    ["donations"] = Field(JsonSchemaType.Integer, "Donations it comes from.", "2"),
                },
            },
        };
        var required = new HashSet<string>(properties.Keys);
        properties["shared_among"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "Only on a shared group: the receivers (categories, documents) of gifts the reports state for all of them at once with no split. "
                          + "Those gifts count here once, never in each member's own row, and no split is invented.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["key"] = Field(JsonSchemaType.String, "The member's key, as its own group would have it.", "23"),
                    ["name"] = Field(JsonSchemaType.String, "The member's name.", "哈尔滨市第一医院"),
                },
            },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "One group's totals, as `ledger totals --format json` writes them. Every donation counts in exactly one group, so the groups of any grouping add up to the totals by donor (see \"What the figures mean\" above).",
            Properties = properties,
            Required = required,
        };
    }

    private static OpenApiSchema Field(JsonSchemaType type, string description, string example) => new()
    {
        Type = type,
        Description = description,
        Examples = [type.HasFlag(JsonSchemaType.String) ? JsonValue.Create(example) : JsonValue.Create(decimal.Parse(example, System.Globalization.CultureInfo.InvariantCulture))],
    };

    private static OpenApiSchema Qualifier(string description) => new()
    {
        Type = JsonSchemaType.String | JsonSchemaType.Null,
        Description = description,
        Enum = [JsonValue.Create("exact"), JsonValue.Create("at_least"), JsonValue.Create("at_most"), JsonValue.Create("about")],
    };
}
