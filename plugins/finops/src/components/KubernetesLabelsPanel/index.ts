export { KubernetesLabelsPanel } from './KubernetesLabelsPanel';
