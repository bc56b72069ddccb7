/**
 * Imported first by benchmarks that render: React picks its build from NODE_ENV when it is first
 * loaded, and `bin/pipetop.js` ships with the production build (it sets NODE_ENV the same way),
 * so that is the one measured. ES modules run their imports in order, so this runs before React.
 */
process.env.NODE_ENV ??= 'production';
