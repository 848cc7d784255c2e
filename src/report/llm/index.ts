// The optional LLM generator: any OpenAI-compatible chat-completions endpoint.
export { llmConfigFromEnv, missingLlmConfigMessage, LLM_DEFAULTS, type LlmConfig } from './config.js';
export { createLlmClient, LlmRequestError, type LlmClient, type ChatMessage, type ChatOptions, type LlmFailureKind } from './client.js';
export { createLlmGenerator, createLlmAnswerer, type LlmGeneratorOptions } from './generator.js';
