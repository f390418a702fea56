// The notice-card preview lives in ui/, shared by the pane and the web page 工作台.
export * from '../ui/card-preview.js';
