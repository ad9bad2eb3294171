// copydesk — CopydeskKit
// One import for the library's users: the model, the formats, analysis and validation.

@_exported public import ArticleAnalysis
@_exported public import ArticleFormats
@_exported public import ArticleModel
@_exported public import ArticleValidation
