// The policy evaluator: compile the policies once, prepare each request, evaluate, explain when a person asks.
export { compileInputs, evaluate, type CompiledInputs, type Decision, type EvalResult, type Layer, type PolicyInputs } from './evaluate.js';
export { explain, type Explanation } from './explain.js';
export { prepareRequest, RequestError, type EvalRequest, type PreparedRequest } from './request.js';
