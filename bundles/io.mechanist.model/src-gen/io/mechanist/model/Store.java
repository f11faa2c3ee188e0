/**
 */
package io.mechanist.model;

import java.util.Date;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.EMap;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Store</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * The root of a store folder's store.xmi.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.Store#getName <em>Name</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getFormatVersion <em>Format Version</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getCreatedAt <em>Created At</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getModels <em>Models</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getDatasets <em>Datasets</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getCaptures <em>Captures</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getVectors <em>Vectors</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getResults <em>Results</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getProperties <em>Properties</em>}</li>
 *   <li>{@link io.mechanist.model.Store#getSaes <em>Saes</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getStore()
 * @model
 * @generated
 */
public interface Store extends EObject {
	/**
	 * Returns the value of the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Name</em>' attribute.
	 * @see #setName(String)
	 * @see io.mechanist.model.MechanistPackage#getStore_Name()
	 * @model
	 * @generated
	 */
	String getName();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Store#getName <em>Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Name</em>' attribute.
	 * @see #getName()
	 * @generated
	 */
	void setName(String value);

	/**
	 * Returns the value of the '<em><b>Format Version</b></em>' attribute.
	 * The default value is <code>"1"</code>.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Format Version</em>' attribute.
	 * @see #setFormatVersion(int)
	 * @see io.mechanist.model.MechanistPackage#getStore_FormatVersion()
	 * @model default="1"
	 * @generated
	 */
	int getFormatVersion();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Store#getFormatVersion <em>Format Version</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Format Version</em>' attribute.
	 * @see #getFormatVersion()
	 * @generated
	 */
	void setFormatVersion(int value);

	/**
	 * Returns the value of the '<em><b>Created At</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Created At</em>' attribute.
	 * @see #setCreatedAt(Date)
	 * @see io.mechanist.model.MechanistPackage#getStore_CreatedAt()
	 * @model
	 * @generated
	 */
	Date getCreatedAt();

	/**
	 * Sets the value of the '{@link io.mechanist.model.Store#getCreatedAt <em>Created At</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Created At</em>' attribute.
	 * @see #getCreatedAt()
	 * @generated
	 */
	void setCreatedAt(Date value);

	/**
	 * Returns the value of the '<em><b>Models</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.ModelRef}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Models</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Models()
	 * @model containment="true"
	 * @generated
	 */
	EList<ModelRef> getModels();

	/**
	 * Returns the value of the '<em><b>Datasets</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.Dataset}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Datasets</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Datasets()
	 * @model containment="true"
	 * @generated
	 */
	EList<Dataset> getDatasets();

	/**
	 * Returns the value of the '<em><b>Captures</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.Capture}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Captures</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Captures()
	 * @model containment="true"
	 * @generated
	 */
	EList<Capture> getCaptures();

	/**
	 * Returns the value of the '<em><b>Vectors</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.StoredVector}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Vectors</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Vectors()
	 * @model containment="true"
	 * @generated
	 */
	EList<StoredVector> getVectors();

	/**
	 * Returns the value of the '<em><b>Results</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.AnalysisResult}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Results</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Results()
	 * @model containment="true"
	 * @generated
	 */
	EList<AnalysisResult> getResults();

	/**
	 * Returns the value of the '<em><b>Properties</b></em>' map.
	 * The key is of type {@link java.lang.String},
	 * and the value is of type {@link java.lang.String},
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Properties</em>' map.
	 * @see io.mechanist.model.MechanistPackage#getStore_Properties()
	 * @model mapType="io.mechanist.model.StringEntry&lt;org.eclipse.emf.ecore.EString, org.eclipse.emf.ecore.EString&gt;"
	 * @generated
	 */
	EMap<String, String> getProperties();

	/**
	 * Returns the value of the '<em><b>Saes</b></em>' containment reference list.
	 * The list contents are of type {@link io.mechanist.model.StoredSae}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Saes</em>' containment reference list.
	 * @see io.mechanist.model.MechanistPackage#getStore_Saes()
	 * @model containment="true"
	 * @generated
	 */
	EList<StoredSae> getSaes();

} // Store
