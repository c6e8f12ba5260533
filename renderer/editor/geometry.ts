// The editor's geometry is the shared one: hit testing, layout and exports agree to the pixel.
export * from '../../shared/geometry/box';
